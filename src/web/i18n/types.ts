/** The shape of a message catalogue: the same keys as the source, any strings as values. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export type UiLanguage = "es" | "en";
export const UI_LANGUAGES: readonly UiLanguage[] = ["es", "en"];
