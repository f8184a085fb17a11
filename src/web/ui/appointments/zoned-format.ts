import { useTranslation } from "react-i18next";
import { localeOf } from "../../../shared/language.js";
import { dateInZone } from "../../../shared/zoned-time.js";

/** The browser's time zone (the contact's by default). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Every zone the browser knows, the given ones first when missing. */
export function timeZoneOptions(...ensure: string[]): string[] {
  const known =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ([] as string[]);
  return [...new Set([...ensure, ...known])];
}

/** Instants shown in a chosen zone, in the UI's language. */
export function useZonedFormat(timeZone: string) {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language ?? "en");
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });
  const day = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone });
  const plainDay = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    time: (iso: string) => time.format(new Date(iso)),
    day: (iso: string) => day.format(new Date(iso)),
    full: (iso: string) => full.format(new Date(iso)),
    /** A calendar date "YYYY-MM-DD" as text. */
    date: (date: string) => plainDay.format(new Date(`${date}T00:00:00Z`)),
    /** The calendar date of an instant in the zone. */
    dateOf: (iso: string) => dateInZone(Date.parse(iso), timeZone),
  };
}
