import type { Page } from "@playwright/test";
import { errorCodes } from "../../src/server/errors/error-codes.js";
import { en } from "../../src/web/i18n/en.js";
import { es } from "../../src/web/i18n/es.js";
import type { UiLanguage } from "../../src/web/i18n/types.js";

// One language per screen (issue 10, item 9): a page shown in one language fails on any text that is a
// value of the other language's table, and on any i18n key shown raw (what i18next renders for a key
// missing from both tables; a key missing from one table falls back to English, caught as English text).

type Table = { [key: string]: string | Table };

function flatten(table: Table, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

/** The problem details the server words in the request's language count as the apps' own text. */
function serverMessages(language: UiLanguage): Map<string, string> {
  return new Map(
    Object.entries(errorCodes).map(([code, def]) => [`server error ${code}`, def.message[language]]),
  );
}

export const TABLES: Record<UiLanguage, Map<string, string>> = {
  es: new Map([...flatten(es as unknown as Table), ...serverMessages("es")]),
  en: new Map([...flatten(en as unknown as Table), ...serverMessages("en")]),
};

/**
 * Values that are correct in both languages although the tables word them apart (a label in one table
 * may be the same word as some other label's value in the other; those are allowed by the rule below).
 * Kept to tokens that are the same in Spanish and English business text.
 */
const SAME_IN_BOTH = new Set(["PDF", "IBAN", "BIC", "OK"]);

const PLACEHOLDER = /\{\{[^}]+\}\}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Matcher {
  key: string;
  value: string;
  test: (text: string) => boolean;
}

/** Matchers for the other language's values that cannot be right in `language`. */
function foreignMatchers(language: UiLanguage): Matcher[] {
  const own = TABLES[language];
  const other = TABLES[language === "es" ? "en" : "es"];
  const ownValues = new Set(own.values());
  const matchers: Matcher[] = [];
  for (const [key, value] of other) {
    if (own.get(key) === value || ownValues.has(value) || SAME_IN_BOTH.has(value)) continue;
    const fixed = value.replace(PLACEHOLDER, "");
    // A value that is only placeholders and punctuation says nothing about its language.
    if ((fixed.match(/\p{L}/gu) ?? []).length < 2) continue;
    if (!value.includes("{{")) {
      matchers.push({ key, value, test: (text) => text === value });
      continue;
    }
    // Interpolated: its fixed words must carry at least 4 letters, or any text would match.
    if ((fixed.match(/\p{L}/gu) ?? []).length < 4) continue;
    const source = value
      .split(PLACEHOLDER)
      .map((part) => escapeRe(part))
      .join(".+?");
    const re = new RegExp(`^${source}$`, "su");
    matchers.push({ key, value, test: (text) => re.test(text) });
  }
  return matchers;
}

const MATCHERS: Record<UiLanguage, Matcher[]> = { es: foreignMatchers("es"), en: foreignMatchers("en") };
const NAMESPACES = Object.keys(es).join("|");
// A key of a known namespace ("common.save"), or any dotted path of three or more camelCase segments
// ("invoices.detail.title"): host names and file names that reach the screen have fewer, or a "www".
const RAW_KEY = new RegExp(
  `^(?:(?:${NAMESPACES})(?:\\.[A-Za-z0-9_]+)+|(?!www\\.)[a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9_]*){2,})$`,
);

/** Every piece of text a person can read or hear on the page: lines of text and labelling attributes. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    // Text marked translate="no" is shown as written (an email's subject and body in the outbox).
    const verbatim = document.createElement("style");
    verbatim.textContent = '[translate="no"] { display: none !important; }';
    document.head.append(verbatim);
    const lines = document.body.innerText.split(/[\n\t]/);
    verbatim.remove();
    if (document.title.trim()) texts.add(document.title.trim());
    for (const line of lines) {
      // Required fields end in a separate " *"; the label is the text before it.
      const text = line.replace(/\s+\*$/, "").trim();
      if (text) texts.add(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
      if (el.closest('[translate="no"]')) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

/** Messages for text of the wrong language and raw keys; empty when the page speaks `language` only. */
export async function languageProblems(page: Page, language: UiLanguage): Promise<string[]> {
  const problems: string[] = [];
  for (const text of await visibleTexts(page)) {
    const tokens = text.split(/\s+/).map((t) => t.replace(/^[("'«]+|[)"'».,:;!?]+$/g, ""));
    const raw = tokens.find((t) => RAW_KEY.test(t));
    if (raw) {
      problems.push(`raw i18n key "${raw}" in "${text.slice(0, 80)}"`);
      continue;
    }
    const foreign = MATCHERS[language].find((m) => m.test(text));
    if (foreign)
      problems.push(
        `"${text.slice(0, 80)}" is the ${language === "es" ? "English" : "Spanish"} ${foreign.key}`,
      );
  }
  return problems;
}
