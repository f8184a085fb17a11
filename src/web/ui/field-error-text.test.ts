import { beforeAll, describe, expect, test } from "vitest";
import { en } from "../i18n/en.js";
import { es } from "../i18n/es.js";
import { validationEn, validationEs } from "../i18n/features/validation.js";
import i18n from "../i18n/index.js";
import { ApiError, type FieldError } from "./api-client.js";
import { fieldErrorText } from "./field-error-text.js";
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
