import { localeOf } from "../../shared/language.js";
import { formatMoney } from "../../shared/money/format.js";

export type EmailLang = "es" | "en";

/** The Intl locale of an email's language: the one the PDFs use (`src/server/pdf/labels.ts`). */
export const emailLocale = (lang: EmailLang): string => localeOf(lang);

/**
 * "2027-01-05" → "5 de enero de 2027" (es) / "5 January 2027" (en): the long form reads as prose in a
 * sentence ("con vencimiento el …"). A document date is a calendar date, formatted in UTC so no zone
 * shifts it. Anything that is not a calendar date is returned unchanged.
 */
export function formatLongDate(isoDate: string, lang: EmailLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== isoDate) return isoDate;
  return new Intl.DateTimeFormat(emailLocale(lang), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** An amount in minor units for the email's language: 1234560 EUR → "12.345,60 €" / "€12,345.60". */
export const formatEmailMoney = (amountMinor: number, currency: string, lang: EmailLang): string =>
  formatMoney(amountMinor, currency, emailLocale(lang));
