import { describe, expect, test } from "vitest";
import { languageOf, localeOf, preferredLanguage } from "./language.js";

describe("one language mapping", () => {
  test("Spanish for es and its regional forms, English for anything else", () => {
    expect(["es", "es-ES", "es-MX"].map(languageOf)).toEqual(["es", "es", "es"]);
    expect(["en", "en-GB", "fr", "", null, undefined].map(languageOf)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "en",
      "en",
    ]);
  });
  test("a recipient's language is the first preference that is set", () => {
    expect(preferredLanguage(null, "es", "en")).toBe("es");
    expect(preferredLanguage("en", "es")).toBe("en");
    expect(preferredLanguage(undefined, null, "es")).toBe("es");
    expect(preferredLanguage(null, undefined)).toBe("en");
  });
  test("locales for Intl", () => {
    expect([localeOf("es"), localeOf("en"), localeOf(null)]).toEqual(["es-ES", "en-GB", "en-GB"]);
  });
});
