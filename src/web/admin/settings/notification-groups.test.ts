import { describe, expect, test } from "vitest";
import { DEFAULT_NOTIFICATION_PREFS, NOTIFICATION_GROUPS } from "../../../shared/contracts/index.js";
import { en } from "../../i18n/en.js";
import { es } from "../../i18n/es.js";

describe("the notification groups of Settings › Notifications (decision 044)", () => {
  test("every C5 event is in exactly one group", () => {
    const grouped = NOTIFICATION_GROUPS.flatMap((g) => g.events);
    expect([...grouped].sort()).toEqual(Object.keys(DEFAULT_NOTIFICATION_PREFS).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  test("each group has a name in es and en", () => {
    for (const c of [es, en])
      for (const g of NOTIFICATION_GROUPS)
        expect(
          c.portalSettings.notifications.groups[g.id as keyof typeof c.portalSettings.notifications.groups],
        ).toMatch(/\S/);
  });
});
