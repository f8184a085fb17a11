/**
 * The languages Portico speaks, and the one mapping from a stored language to a language and a locale
 * (issue 11: it was written in half a dozen places). Spanish for "es" (and "es-…"), English otherwise.
 */
export type Language = "es" | "en";
export type Locale = "es-ES" | "en-GB";

/** A stored, requested or browser language as one Portico speaks. */
export function languageOf(value: string | null | undefined): Language {
  return value?.startsWith("es") ? "es" : "en";
}

/** A recipient's language: the first preference that is set (contact, then customer, then organisation). */
export function preferredLanguage(...preferences: (string | null | undefined)[]): Language {
  return languageOf(preferences.find((p) => p != null && p !== ""));
}

/** The Intl locale a language formats dates and amounts with. */
export function localeOf(language: string | null | undefined): Locale {
  return languageOf(language) === "es" ? "es-ES" : "en-GB";
}
