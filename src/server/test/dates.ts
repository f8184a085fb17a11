import { addDays } from "../../shared/dates.js";
import * as clock from "../clock.js";

/** The organisations' zone in tests (the column default). */
export const TEST_TIME_ZONE = "Europe/Madrid";

/**
 * Today's date on the server clock in the organisations' zone. Tests derive every date that means
 * "recent", "today" or "in the future" from this, never from a literal, so the suite passes on any day.
 */
export const testToday = (timeZone = TEST_TIME_ZONE): string => clock.today(timeZone);

/** `n` days from today (negative: in the past) on the server clock, in the organisations' zone. */
export const daysFromToday = (n: number, timeZone = TEST_TIME_ZONE): string =>
  addDays(testToday(timeZone), n);
