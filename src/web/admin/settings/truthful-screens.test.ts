import { describe, expect, test } from "vitest";
import { DEFAULT_NOTIFICATION_PREFS } from "../../../shared/contracts/index.js";
import { en } from "../../i18n/en.js";
import { es } from "../../i18n/es.js";
import { NOTIFICATION_EVENTS, SHOWN_PORTAL_OPTIONS } from "./settings-model.js";

// Issue 10, "truthful screens": the back office shows what exists, and says what it does.
const catalogues = { es, en };

describe("portal options shown in settings", () => {
  test("every option of a built feature is offered", () => {
    const keys = SHOWN_PORTAL_OPTIONS.map((o) => o.key);
    // Messages (E10, issue 16 §1) and appointments (E13, issue 16 §3).
    expect(keys).toContain("allowMessages");
    expect(keys).toContain("allowAppointments");
    expect(keys).toContain("showSalesOrders");
    expect(keys).toContain("allowQuoteAcceptance");
    expect(keys).toContain("allowPaypal");
    // Projects and timesheets (E7, E8, issue 15 §5).
    expect(keys).toContain("showProjects");
  });

  test("no option carries a 'coming soon' text in either language", () => {
    for (const [lang, c] of Object.entries(catalogues)) {
      const options = c.portalSettings.options as Record<string, unknown>;
      expect(options, lang).not.toHaveProperty("soon");
      expect(options, lang).not.toHaveProperty("comingSoon");
      expect(JSON.stringify(options), lang).not.toMatch(/coming soon|próximamente/i);
    }
  });
});

describe("the Notifications tab", () => {
  test("shows every preference the API has", () => {
    expect(NOTIFICATION_EVENTS).toHaveLength(20);
    expect([...NOTIFICATION_EVENTS].sort()).toEqual(Object.keys(DEFAULT_NOTIFICATION_PREFS).sort());
  });

  test("each preference has a label and a description in es and en", () => {
    for (const [lang, c] of Object.entries(catalogues)) {
      const n = c.portalSettings.notifications;
      for (const event of NOTIFICATION_EVENTS) {
        expect(n[event], `${lang} ${event}`).toMatch(/\S/);
        expect(n.descriptions[event], `${lang} ${event} description`).toMatch(/\S{3}/);
      }
    }
    expect(es.portalSettings.notifications.descriptions.quote_accepted).not.toBe(
      en.portalSettings.notifications.descriptions.quote_accepted,
    );
  });
});

test("the send-quote dialog speaks of the quote, not of an invoice (es and en)", () => {
  expect(es.quotes.detail.sendIntro).toMatch(/presupuesto/);
  expect(es.quotes.detail.sendIntro).not.toMatch(/factura/i);
  expect(en.quotes.detail.sendIntro).toMatch(/quote/);
  expect(en.quotes.detail.sendIntro).not.toMatch(/invoice/i);
  // The invoice's own dialog keeps its sentence.
  expect(en.admin.detail.sendIntro).toMatch(/invoice/);
});
