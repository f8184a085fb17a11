import { afterEach, expect, test } from "vitest";
import { setOrganisationTimeZone, todayIso } from "./lines-form-model.js";

afterEach(() => setOrganisationTimeZone(undefined));

// 23:30 UTC on 6 December is already 7 December in Madrid and still 6 December in the Canaries.
const lateEvening = new Date("2026-12-06T23:30:00Z");

test("today is the organisation's calendar date, whatever the browser's zone", () => {
  setOrganisationTimeZone("Europe/Madrid");
  expect(todayIso(lateEvening)).toBe("2026-12-07");
  setOrganisationTimeZone("Atlantic/Canary");
  expect(todayIso(lateEvening)).toBe("2026-12-06");
  setOrganisationTimeZone("America/Mexico_City");
  expect(todayIso(lateEvening)).toBe("2026-12-06");
});

test("an unknown zone falls back to the browser's calendar", () => {
  setOrganisationTimeZone("Not/AZone");
  expect(todayIso(lateEvening)).toMatch(/^2026-12-0[67]$/);
});
