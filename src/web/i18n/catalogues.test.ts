import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { es } from "./es.js";
import { portalEn } from "./portal.en.js";
import { portalEs } from "./portal.es.js";

// The types make both tables share their keys at compile time; this holds at run time too, where a
// feature table spread into one catalogue or a key typed with a different case would slip past them.
type Table = { [key: string]: string | Table };

function entries(table: Table, prefix = ""): [string, string][] {
  return Object.entries(table).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : entries(value, path);
  });
}

const tables = { es: entries(es as unknown as Table), en: entries(en as unknown as Table) };
const portalTables = { es: entries(portalEs as unknown as Table), en: entries(portalEn as unknown as Table) };

describe("the es and en catalogues", () => {
  it("have exactly the same keys", () => {
    const keys = (language: "es" | "en") => tables[language].map(([key]) => key).sort();
    expect(keys("en")).toEqual(keys("es"));
  });

  it.each(["es", "en"] as const)("have no empty value in %s", (language) => {
    const empty = tables[language].filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(["es", "en"] as const)("use the same placeholders in %s as in the other language", (language) => {
    const other = new Map(tables[language === "es" ? "en" : "es"]);
    const names = (value: string) => [...value.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const mismatched = tables[language]
      .filter(([key, value]) => names(value).join() !== names(other.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

// Decision 033: the portal downloads its own catalogue (portal.es.ts / portal.en.ts), a part of the whole.
describe("the portal's catalogues", () => {
  it("have exactly the same keys in es and en", () => {
    const keys = (language: "es" | "en") => portalTables[language].map(([key]) => key).sort();
    expect(keys("en")).toEqual(keys("es"));
  });

  it.each(["es", "en"] as const)("hold, in %s, the very texts of the whole catalogue", (language) => {
    const whole = new Map(tables[language]);
    const different = portalTables[language].filter(([key, value]) => whole.get(key) !== value);
    expect(different).toEqual([]);
  });

  it("hold every key the portal's code names", () => {
    const root = join(import.meta.dirname, "../../..");
    const keys = new Set(portalTables.es.map(([key]) => key));
    const known = (key: string) =>
      keys.has(key) ||
      keys.has(`${key}_other`) ||
      [...keys].some((k) => k.startsWith(key.endsWith(".") ? key : `${key}.`));
    // A string naming a key of any namespace of the whole catalogue, or the start of one (`status.${s}`).
    const namespaces = Object.keys(es).join("|");
    const literal = new RegExp(`["'\`]((?:${namespaces})\\.[\\w.]*)(?=["'\`]|\\$\\{)`, "g");
    const missing: string[] = [];
    const files = portalSources(join(root, "src/web/portal/main.tsx"));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const path = relative(root, file);
      for (const [, key = ""] of readFileSync(file, "utf8").matchAll(literal)) {
        if (!known(key) && !BACK_OFFICE_ONLY.some(([f, prefix]) => f === path && key.startsWith(prefix)))
          missing.push(`${path}: ${key}`);
      }
    }
    // A key listed here is missing from portal.es.ts/portal.en.ts: add its namespace (or the part the
    // portal shows) there, see the comment at the top of index.ts.
    expect(missing).toEqual([]);
  });
});

/** Keys a shared component names only when the back office shows it. */
const BACK_OFFICE_ONLY: [file: string, prefix: string][] = [
  ["src/web/ui/password-forms.tsx", "admin.login."],
  ["src/web/ui/password-forms.tsx", "staffPasswords."],
];

/** Every file of src/web the portal's entry imports, statically or lazily, the catalogues aside. */
function portalSources(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  for (let file = todo.pop(); file; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec = ""] of readFileSync(file, "utf8").matchAll(
      /(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g,
    )) {
      const base = join(dirname(file), spec).replace(/\.js$/, "");
      const found = [".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find(existsSync);
      if (found) todo.push(found);
    }
  }
  return [...seen].filter((f) => f.includes("/src/web/") && !f.includes("/src/web/i18n/"));
}
