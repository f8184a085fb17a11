import { createContext, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "../../shared/language.js";
import { formatMoney } from "../../shared/money/index.js";

/** The time zone timestamps are shown in (the organisation's in the back office); undefined = the browser's. */
export const TimeZoneContext = createContext<string | undefined>(undefined);

export { localeOf };

export interface Formatters {
  locale: "es-ES" | "en-GB";
  money: (amountMinor: number, currency: string) => string;
  /** A calendar date "2026-03-01" (no time zone shift). */
  date: (isoDate: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** Basis points: 2100 → "21 %". Display only; rates never feed a calculation from here. */
  percent: (bp: number) => string;
  /** Quantity × 1000 → "1,5". */
  quantity: (milli: number) => string;
  /** "VAT (21 %)", or just the name when it already states the rate ("IVA 21 %"). */
  taxLabel: (name: string, rateBp: number) => string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const timeZone = useContext(TimeZoneContext);
  const locale = localeOf(i18n.language ?? "en");
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    });
    const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
    const quantityFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    return {
      locale,
      money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
      date: (isoDate) => (isoDate ? dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : "—"),
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : "—"),
      percent: (bp) => percentFormat.format(bp / 10_000),
      quantity: (milli) => quantityFormat.format(milli / 1000),
      taxLabel: (name, rateBp) => {
        const rate = percentFormat.format(rateBp / 10_000);
        const compact = (text: string) => text.replace(/[\s\u00a0\u202f]/g, "");
        return compact(name).includes(compact(rate)) ? name : `${name} (${rate})`;
      },
    };
  }, [locale, timeZone]);
}
