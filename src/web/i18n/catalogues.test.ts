import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { es } from "./es.js";

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
