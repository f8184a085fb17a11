import {
  electronicFormatIBAN,
  friendlyFormatIBAN,
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
  validateBIC,
  validateIBAN,
} from "ibantools";
import type { FieldErrorCode } from "./field-error-codes.js";

/**
 * The organisation's bank account (issue 13), checked with `ibantools` where staff save it and read by
 * the web too. Stored in the electronic format (no spaces, capitals), shown grouped by four.
 */
export const compactIban = (iban: string): string => electronicFormatIBAN(iban) ?? "";

/** "ES9121000418450200051332" → "ES91 2100 0418 4502 0005 1332", the form people read and type. */
export const groupIban = (iban: string): string => friendlyFormatIBAN(iban) ?? iban;

export const compactBic = (bic: string): string => bic.replace(/\s+/g, "").toUpperCase();

/** What is wrong with an IBAN in the electronic format, as a field error code; null when it is valid. */
export function ibanProblem(iban: string): FieldErrorCode | null {
  const { errorCodes } = validateIBAN(iban);
  if (errorCodes.length === 0) return null;
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) return "iban_unknown_country";
  const shape = [
    ValidationErrorsIBAN.NoIBANProvided,
    ValidationErrorsIBAN.WrongBBANLength,
    ValidationErrorsIBAN.WrongBBANFormat,
    ValidationErrorsIBAN.ChecksumNotNumber,
  ];
  // Right shape, wrong check digits (the IBAN's or the national account's): most likely a typing slip.
  return errorCodes.some((code) => shape.includes(code)) ? "invalid_iban" : "iban_checksum";
}

/** What is wrong with a BIC (compacted), as a field error code; null when it is valid. */
export function bicProblem(bic: string): FieldErrorCode | null {
  const { errorCodes } = validateBIC(bic);
  if (errorCodes.length === 0) return null;
  return errorCodes.includes(ValidationErrorsBIC.NoBICCountry) && /^[A-Z]{4}/.test(bic)
    ? "bic_unknown_country"
    : "invalid_bic";
}
