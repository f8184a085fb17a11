import { useFormat } from "./format.js";

/** Minutes as hours in the UI's language: 90 → "1,5" / "1.5" (at most two decimals; display only). */
export function formatHours(minutes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60);
}

export function useHours(): (minutes: number) => string {
  const { locale } = useFormat();
  return (minutes) => formatHours(minutes, locale);
}
