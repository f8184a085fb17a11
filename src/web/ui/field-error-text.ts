import { formatMoney } from "../../shared/money/index.js";
import type { validationEs } from "../i18n/features/validation.es.js";
import i18n from "../i18n/index.js";
import type { ApiError, FieldError } from "./api-client.js";

type Key = keyof typeof validationEs extends infer K
  ? K extends `${infer Base}_${"one" | "other"}`
    ? Base
    : K
  : never;
type Params = NonNullable<FieldError["params"]>;

const formatNumber = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);

const num = (p: Params, key: string): number | undefined =>
  typeof p[key] === "number" ? (p[key] as number) : undefined;

/** The catalogue key and its values for a code + params, or null when the web has no text for it. */
export function fieldErrorKey(
  code: string | undefined,
  params: Params = {},
  locale = "en",
): { key: Key; values?: Record<string, unknown> } | null {
  const origin = params.origin;
  const exclusive = params.inclusive === false;
  const minimum = num(params, "minimum");
  const maximum = num(params, "maximum");
  switch (code) {
    case "too_short":
      return minimum === undefined ? { key: "invalid" } : { key: "tooShort", values: { count: minimum } };
    case "too_small":
      if (minimum === undefined) return { key: "invalid" };
      if (origin === "string")
        return minimum <= 1 ? { key: "required" } : { key: "tooShort", values: { count: minimum } };
      if (origin === "array" || origin === "set") return { key: "tooFewItems", values: { count: minimum } };
      return { key: exclusive ? "moreThan" : "atLeast", values: { minimum } };
    case "too_big":
      if (maximum === undefined) return { key: "invalid" };
      if (origin === "string") return { key: "tooLong", values: { count: maximum } };
      if (origin === "array" || origin === "set") return { key: "tooManyItems", values: { count: maximum } };
      return { key: exclusive ? "lessThan" : "atMost", values: { maximum } };
    case "invalid_format":
      switch (params.format) {
        case "url":
          return { key: "invalidUrl" };
        case "email":
          return { key: "invalidEmail" };
        case "date":
        case "datetime":
          return { key: "invalidDate" };
        case "uuid":
        case "guid":
          return { key: "invalidUuid" };
        default:
          return { key: "invalidFormat" };
      }
    case "invalid_type":
      return { key: "invalidType" };
    case "invalid_value":
      return { key: "invalidValue" };
    case "not_multiple_of":
      return { key: "notMultipleOf", values: { divisor: params.divisor } };
    case "unrecognized_keys":
      return {
        key: "unrecognizedKeys",
        values: { keys: Array.isArray(params.keys) ? params.keys.join(", ") : "" },
      };
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return { key: "invalid" };
    case "invalid_iban":
      return { key: "invalidIban" };
    case "invalid_bic":
      return { key: "invalidBic" };
    case "iban_checksum":
      return { key: "ibanChecksum" };
    case "iban_unknown_country":
      return { key: "ibanUnknownCountry" };
    case "bic_unknown_country":
      return { key: "bicUnknownCountry" };
    case "unknown_time_zone":
      return { key: "unknownTimeZone" };
    case "breached_password":
      return { key: "breachedPassword" };
    case "nul_character":
      return { key: "nulCharacter" };
    case "due_before_issue":
      return { key: "dueBeforeIssue" };
    case "expiry_before_issue":
      return { key: "expiryBeforeIssue" };
    case "expiry_passed":
      return { key: "expiryPassed" };
    case "issue_date_in_future":
      return { key: "issueDateInFuture" };
    case "issue_date_before_last":
      return { key: "issueDateBeforeLast" };
    case "required":
      return { key: "required" };
    case "not_allowed":
      return { key: "notAllowed" };
    case "unsupported_currency":
      return { key: "unsupportedCurrency" };
    case "date_out_of_range":
      return typeof params.minimum === "string" && typeof params.maximum === "string"
        ? {
            key: "dateOutOfRange",
            values: { from: params.minimum.slice(0, 4), to: params.maximum.slice(0, 4) },
          }
        : { key: "invalidDate" };
    case "wrong_password":
      return { key: "wrongPassword" };
    case "password_mismatch":
      return { key: "passwordMismatch" };
    case "customer_fixed":
      return { key: "customerFixed" };
    case "corrected_invoice_invalid":
      return { key: "correctedInvoiceInvalid" };
    case "unknown_tax":
      return { key: "unknownTax" };
    case "unknown_line":
      return { key: "unknownLine" };
    case "listed_twice":
      return { key: "listedTwice" };
    case "end_before_start":
      return { key: "endBeforeStart" };
    case "unknown_task":
      return { key: "unknownTask" };
    case "unknown_member":
      return { key: "unknownMember" };
    case "quantity_over_remaining": {
      const milli = num(params, "maximumMilli");
      return milli === undefined
        ? { key: "invalid" }
        : { key: "quantityOverRemaining", values: { maximum: formatNumber(milli / 1000, locale) } };
    }
    case "not_payable":
      return { key: "notPayable" };
    case "amount_over_limit": {
      const minor = num(params, "maximumMinor");
      return minor === undefined || typeof params.currency !== "string"
        ? { key: "amountOverAvailable" }
        : { key: "amountOverLimit", values: { amount: formatMoney(minor, params.currency, locale) } };
    }
    case "slug_taken":
      return { key: "slugTaken" };
    case "slug_reserved":
      return { key: "slugReserved" };
    case "email_has_account":
      return { key: "emailHasAccount" };
    case "file_too_large":
      return { key: "fileTooLarge", values: { maximum: num(params, "maximumMb") ?? 1 } };
    case "unsupported_image":
      return { key: "unsupportedImage" };
    case "unknown_gateway":
      return { key: "unknownGateway" };
    case "portal_moved":
      return { key: "portalMoved" };
    case "range_reversed":
      return { key: "rangeReversed" };
    case "range_too_long": {
      const days = num(params, "maximumDays");
      const months = num(params, "maximumMonths");
      if (days !== undefined) return { key: "rangeTooLongDays", values: { count: days } };
      if (months !== undefined) return { key: "rangeTooLongMonths", values: { count: months } };
      return { key: "invalid" };
    }
    case "invalid_cursor":
      return { key: "invalidCursor" };
    case "bad_request":
      return { key: "badRequest" };
    case "email_taken":
      return { key: "emailTaken" };
    case "email_in_use":
      return typeof params.customerName === "string"
        ? { key: "emailInUseBy", values: { customerName: params.customerName } }
        : { key: "emailInUse" };
    case "total_mismatch":
      return { key: "totalMismatch", values: { expected: params.expected ?? "" } };
    case "customer_not_found":
      return { key: "customerNotFound", values: { value: params.value ?? "" } };
    case "invalid_template":
      return { key: "invalidTemplate", values: { detail: params.detail ?? "" } };
    case "template_button_required":
      return { key: "templateButtonRequired" };
    case "nif_invalid":
      return { key: "nifInvalid" };
    case "country_not_spain":
      return { key: "countryNotSpain" };
    case "substitution_needs_one":
      return { key: "substitutionNeedsOne" };
    case "substitution_not_credit":
      return { key: "substitutionNotCredit" };
    case "certificate_too_large":
      return { key: "certificateTooLarge" };
    case "not_pkcs12":
      return { key: "notPkcs12" };
    case "wrong_certificate_password":
      return { key: "wrongCertificatePassword" };
    case "certificate_incomplete":
      return { key: "certificateIncomplete" };
    case "certificate_key_unsupported":
      return { key: "certificateKeyUnsupported" };
    case "certificate_not_current":
      return { key: "certificateNotCurrent" };
    default:
      return null;
  }
}

/**
 * The text to show for one field error, in the current language: from its `code` + `params` when the web
 * knows the code; otherwise the problem's own translated `detail` (the server answers in the request's
 * language). The server's English `message` is shown only in the English UI, never in another language.
 */
export function fieldErrorText(field: FieldError, problem: Pick<ApiError, "detail">): string {
  const found = fieldErrorKey(field.code, field.params, i18n.language || "en");
  if (found) return String(i18n.t(`validation.${found.key}` as never, found.values as never));
  return i18n.language === "en" && field.message ? field.message : problem.detail;
}
