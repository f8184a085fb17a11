// Texts of both apps in Spanish and English (decision 033). Each app downloads one catalogue, in one
// language, before its first render: the portal `portal.es.ts` or `portal.en.ts`, the back office `es.ts`
// or `en.ts` (which spread the portal's and add the back office's own namespaces).
//
// Adding a feature's texts:
// - write them in `features/<name>.es.ts` (`export const <name>Es = {…}`) and `features/<name>.en.ts`
//   (`export const <name>En: Messages<typeof <name>Es> = {…}`): one language per file, so a page never
//   downloads the other one (`npx tsx scripts/split-feature-texts.ts` splits a file written with both);
// - back office only: add `<name>: <name>Es` to es.ts and `<name>: <name>En` to en.ts;
// - shown in the portal (even in part): add it to portal.es.ts and portal.en.ts instead; the back office
//   gets it through them. A namespace only partly shown in the portal keeps that part in
//   `features/<name>.portal.es.ts`/`.portal.en.ts`, which the portal's catalogue uses and the whole
//   namespace spreads (see portal-settings).
// catalogues.test.ts checks that es and en (and the portal's pair) have the same keys, and that every key
// the portal's code names is in the portal's catalogue.
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

type App = "admin" | "portal";
let currentApp: App = "portal";

/** Each app's catalogue per language, each a chunk of its own (the portal's leaves the back office's out). */
const catalogues: Record<App, Record<UiLanguage, () => Promise<object>>> = {
  admin: {
    es: () => import("./es.js").then((m) => m.es),
    en: () => import("./en.js").then((m) => m.en),
  },
  portal: {
    es: () => import("./portal.es.js").then((m) => m.portalEs),
    en: () => import("./portal.en.js").then((m) => m.portalEn),
  },
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
 * Each app's catalogue in each language is a chunk of its own (decision 033): a page downloads the language
 * it shows, and the other only when the person picks it (i18next loads it before it switches).
 */
const lazyCatalogues: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    if (!isUiLanguage(language)) return callback(null, {});
    catalogues[currentApp][language]().then(
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
export async function initI18n(app: App): Promise<void> {
  currentApp = app;
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
