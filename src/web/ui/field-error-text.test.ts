import { beforeAll, describe, expect, test } from "vitest";
import { FIELD_ERROR_CODES, type FieldErrorCode } from "../../shared/field-error-codes.js";
import { en } from "../i18n/en.js";
import { es } from "../i18n/es.js";
import { validationEn } from "../i18n/features/validation.en.js";
import { validationEs } from "../i18n/features/validation.es.js";
import i18n from "../i18n/index.js";
import { ApiError, type FieldError } from "./api-client.js";
import { fieldErrorKey, fieldErrorText } from "./field-error-text.js";
import { applyProblemToForm } from "./form-errors.js";

// The server's answers for a short password, an invalid IBAN and an invalid URL (validation-codes.test.ts).
const short: FieldError = {
  field: "body.newPassword",
  message: "at least 12 characters",
  code: "too_short",
  params: { minimum: 12 },
};
const iban: FieldError = { field: "body.iban", message: "not a valid IBAN", code: "invalid_iban" };
const url: FieldError = {
  field: "body.website",
  message: "Invalid URL",
  code: "invalid_format",
  params: { format: "url" },
};
const long: FieldError = {
  field: "body.name",
  message: "Too big: expected string to have <=200 characters",
  code: "too_big",
  params: { maximum: 200, origin: "string" },
};
const uncoded: FieldError = { field: "body.dueDate", message: "the due date is before the issue date" };

const inSpanish = { detail: "Algunos campos no son válidos." };
const inEnglish = { detail: "Some fields are not valid." };

beforeAll(async () => {
  await i18n.init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: "es",
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

describe("a server field error is rendered from its code and params in the person's language", () => {
  test("in Spanish", async () => {
    await i18n.changeLanguage("es");
    expect(fieldErrorText(short, inSpanish)).toBe("Usa al menos 12 caracteres");
    expect(fieldErrorText(iban, inSpanish)).toBe("No es un IBAN válido");
    expect(fieldErrorText(url, inSpanish)).toBe("No es una URL válida (p. ej., https://ejemplo.com)");
    expect(fieldErrorText(long, inSpanish)).toBe("Usa como máximo 200 caracteres");
    expect(fieldErrorText({ ...uncoded, code: "due_before_issue" }, inSpanish)).toBe(
      "El vencimiento es anterior a la fecha de emisión",
    );
    // No code the web knows: the problem's translated text, never the server's English message.
    expect(fieldErrorText(uncoded, inSpanish)).toBe("Algunos campos no son válidos.");
    expect(fieldErrorText({ ...uncoded, code: "some_future_code" }, inSpanish)).toBe(
      "Algunos campos no son válidos.",
    );
  });

  test("in English", async () => {
    await i18n.changeLanguage("en");
    expect(fieldErrorText(short, inEnglish)).toBe("Use at least 12 characters");
    expect(fieldErrorText(iban, inEnglish)).toBe("Not a valid IBAN");
    expect(fieldErrorText(url, inEnglish)).toBe("Not a valid URL (e.g. https://example.com)");
    expect(fieldErrorText({ ...short, params: { minimum: 1 } }, inEnglish)).toBe("Use at least 1 character");
    expect(fieldErrorText(uncoded, inEnglish)).toBe("the due date is before the issue date");
  });

  test("forms get the Spanish texts in the Spanish UI, not the server's English", async () => {
    await i18n.changeLanguage("es");
    const placed: Record<string, string> = {};
    const form = { setFieldError: ((path: string, error: string) => (placed[path] = error)) as never };
    const error = new ApiError(400, "VALIDATION_FAILED", inSpanish.detail, [iban, url, uncoded]);
    expect(applyProblemToForm(form, error)).toBe(true);
    expect(placed).toEqual({
      iban: "No es un IBAN válido",
      website: "No es una URL válida (p. ej., https://ejemplo.com)",
      dueDate: "Algunos campos no son válidos.",
    });
  });

  test("every Spanish text differs from its English one", () => {
    const same = Object.entries(validationEs).filter(
      ([key, text]) => validationEn[key as keyof typeof validationEs] === text,
    );
    expect(same).toEqual([]);
    expect(Object.keys(validationEn).sort()).toEqual(Object.keys(validationEs).sort());
  });
});

// What the server sends with each code (its params), so every branch of the renderer is reached.
const SAMPLE_PARAMS: Partial<Record<FieldErrorCode, NonNullable<FieldError["params"]>>> = {
  too_small: { minimum: 2, origin: "number" },
  too_big: { maximum: 5, origin: "string" },
  invalid_format: { format: "email" },
  not_multiple_of: { divisor: 2 },
  unrecognized_keys: { keys: ["extra"] },
  too_short: { minimum: 12 },
  date_out_of_range: { minimum: "1900-01-01", maximum: "2199-12-31" },
  quantity_over_remaining: { maximumMilli: 1500 },
  amount_over_limit: { maximumMinor: 123_456, currency: "EUR" },
  file_too_large: { maximumMb: 1 },
  range_too_long: { maximumDays: 366 },
  email_in_use: { customerName: "Acme" },
  issue_date_before_last: { lastIssueDate: "2026-01-05" },
  issue_date_in_future: { today: "2026-01-05" },
  unknown_gateway: { gateway: "stripe" },
  portal_moved: { slug: "new-home" },
  total_mismatch: { expected: "12.10", currency: "EUR" },
  customer_not_found: { value: "Acme" },
};
// Codes that mean "not valid" and nothing more specific.
const GENERIC: readonly FieldErrorCode[] = ["custom", "invalid_union", "invalid_key", "invalid_element"];

describe("every field error code the server can emit has a text in es and en", () => {
  const catalogueHas = (table: Record<string, string>, key: string) =>
    key in table || (`${key}_one` in table && `${key}_other` in table);

  test.each(FIELD_ERROR_CODES)("%s", async (code) => {
    const params = SAMPLE_PARAMS[code] ?? {};
    const found = fieldErrorKey(code, params);
    expect(found, `no text for ${code}`).not.toBeNull();
    if (!found) return;
    if (!GENERIC.includes(code)) expect(found.key).not.toBe("invalid");
    expect(catalogueHas(validationEs, found.key)).toBe(true);
    expect(catalogueHas(validationEn, found.key)).toBe(true);
    const field: FieldError = { field: "body.x", message: "english note", code, params };
    for (const [lang, problem] of [
      ["es", inSpanish],
      ["en", inEnglish],
    ] as const) {
      await i18n.changeLanguage(lang);
      const text = fieldErrorText(field, problem);
      expect(text).not.toContain("validation.");
      expect(text).not.toContain("{{");
      expect(text).not.toBe(problem.detail);
      expect(text).not.toBe("english note");
    }
  });

  test("amounts and quantities are formatted for the person's language", async () => {
    await i18n.changeLanguage("es");
    const amount: FieldError = {
      field: "body.amountMinor",
      message: "at most 123456",
      code: "amount_over_limit",
    };
    expect(
      fieldErrorText({ ...amount, params: { maximumMinor: 123_456, currency: "EUR" } }, inSpanish),
    ).toMatch(/^Como máximo 1\.?234,56\s€$/);
    const quantity: FieldError = {
      field: "q",
      message: "at most 1500 remains",
      code: "quantity_over_remaining",
    };
    expect(fieldErrorText({ ...quantity, params: { maximumMilli: 1500 } }, inSpanish)).toBe(
      "Quedan 1,5 como máximo",
    );
    await i18n.changeLanguage("en");
    expect(fieldErrorText({ ...amount, params: { maximumMinor: 123_456, currency: "EUR" } }, inEnglish)).toBe(
      "At most €1,234.56",
    );
  });
});
