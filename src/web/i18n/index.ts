import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.js";
import { es } from "./es.js";
import type { UiLanguage } from "./types.js";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof es };
  }
}

let storageKey = "portico.lang";

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === "es" || value === "en";
}

export function browserLanguage(): UiLanguage {
  return navigator.language?.toLowerCase().startsWith("es") ? "es" : "en";
}

export function storedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Starts i18next for one app; each app remembers its own language choice. */
export function initI18n(app: "admin" | "portal"): void {
  storageKey = `portico.${app}.lang`;
  const lng = storedLanguage() ?? browserLanguage();
  void i18n.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng,
    fallbackLng: "en",
    supportedLngs: ["es", "en"],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18n.on("languageChanged", (language) => {
    document.documentElement.lang = language;
  });
}

/** The person picked a language in the header: it wins over every default from now on. */
export function chooseLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  void i18n.changeLanguage(language);
}

/** A default from the account (staff user, contact), used only when nobody picked a language here. */
export function applyAccountLanguage(language: UiLanguage | null | undefined): void {
  if (storedLanguage() || !language || language === i18n.language) return;
  void i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : "en";
}

export default i18n;
