import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import type { es } from "./es.js";
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

const catalogues: Record<UiLanguage, () => Promise<typeof es>> = {
  es: () => import("./es.js").then((m) => m.es),
  en: () => import("./en.js").then((m) => m.en),
};

type Table = { [key: string]: string | Table };

/**
 * Spanish counts from a million up in CLDR's "many" plural category; the catalogues write `_one` and
 * `_other` only, so "many" reads the `_other` text (it once fell back to the English catalogue's).
 */
function withManyPlurals(table: Table): Table {
  const out: Table = {};
  for (const [key, value] of Object.entries(table)) {
    out[key] = typeof value === "string" ? value : withManyPlurals(value);
    const base = key.endsWith("_other") ? key.slice(0, -"_other".length) : null;
    if (base !== null && typeof value === "string" && !(`${base}_many` in table)) out[`${base}_many`] = value;
  }
  return out;
}

/**
 * Each language's catalogue is a chunk of its own (decision 033): a page downloads the language it shows,
 * and the other only when the person picks it (i18next loads it before it switches).
 */
const lazyCatalogues: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    if (!isUiLanguage(language)) return callback(null, {});
    catalogues[language]().then(
      (catalogue) => callback(null, withManyPlurals(catalogue as Table)),
      (error: Error) => callback(error, null),
    );
  },
};

/**
 * Starts i18next for one app, resolved once its language's texts are here; each app remembers its own
 * language choice. No fallback language: every catalogue has every key (en.ts is typed by es.ts), and a
 * fallback would download a second catalogue.
 */
export async function initI18n(app: "admin" | "portal"): Promise<void> {
  storageKey = `portico.${app}.lang`;
  const lng = storedLanguage() ?? browserLanguage();
  await i18n
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: false,
      supportedLngs: ["es", "en"],
      interpolation: { escapeValue: false },
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
