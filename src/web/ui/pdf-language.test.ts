import { describe, expect, test } from "vitest";
import { withPdfLanguage } from "./pdf-language.js";

describe("a PDF link in a chosen language", () => {
  test("adds or replaces ?lang, keeping the other parameters", () => {
    expect(withPdfLanguage("/api/invoices/1/pdf", "en")).toBe("/api/invoices/1/pdf?lang=en");
    expect(withPdfLanguage("/api/portal/acme/statement/pdf?from=2026-01-01", "es")).toBe(
      "/api/portal/acme/statement/pdf?from=2026-01-01&lang=es",
    );
    expect(withPdfLanguage("/api/quotes/1/pdf?lang=es", "en")).toBe("/api/quotes/1/pdf?lang=en");
  });

  test("no language leaves the choice to the server", () => {
    expect(withPdfLanguage("/api/invoices/1/pdf", null)).toBe("/api/invoices/1/pdf");
  });
});
