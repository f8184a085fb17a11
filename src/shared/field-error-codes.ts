/**
 * Every `code` a field error of the API may carry (issue 10 item 6): zod's issue codes, and the custom
 * codes of the contracts' refinements and of the services. The server's `FieldError.code` is typed with
 * it, so a field error without a code, or with one outside this list, does not compile; the web has an
 * es and en text for each (src/web/ui/field-error-text.test.ts).
 */
export const ZOD_ISSUE_CODES = [
  "invalid_type",
  "too_big",
  "too_small",
  "invalid_format",
  "not_multiple_of",
  "unrecognized_keys",
  "invalid_union",
  "invalid_key",
  "invalid_element",
  "invalid_value",
  "custom",
] as const;

export const CUSTOM_FIELD_ERROR_CODES = [
  // contracts (zod refinements)
  "required",
  "not_allowed",
  "unsupported_currency",
  "date_out_of_range",
  "unknown_time_zone",
  "invalid_iban",
  "invalid_bic",
  "iban_checksum",
  "iban_unknown_country",
  "bic_unknown_country",
  "nul_character",
  // passwords and sign-in
  "too_short",
  "breached_password",
  "wrong_password",
  "password_mismatch",
  // document dates
  "due_before_issue",
  "expiry_before_issue",
  "expiry_passed",
  "issue_date_in_future",
  "issue_date_before_last",
  // documents and lines
  "customer_fixed",
  "corrected_invoice_invalid",
  "unknown_tax",
  "unknown_line",
  "listed_twice",
  "quantity_over_remaining",
  // projects and time (decision 039)
  "end_before_start",
  "unknown_task",
  "unknown_member",
  // money
  "not_payable",
  "amount_over_limit",
  // contacts, organisation, portal
  "email_taken",
  "email_in_use",
  "slug_taken",
  "slug_reserved",
  "email_has_account",
  "file_too_large",
  "unsupported_image",
  "unknown_gateway",
  "portal_moved",
  // periods and lists
  "range_reversed",
  "range_too_long",
  "invalid_cursor",
  "bad_request",
  // imports (decision 029)
  "total_mismatch",
  "customer_not_found",
  // staff-edited email templates (decision 038)
  "invalid_template",
  // editable email templates (decision 046)
  "template_button_required",
  // VERI*FACTU mode (decision 049)
  "nif_invalid",
  "country_not_spain",
  // rectifying invoices (decision 051)
  "substitution_needs_one",
  "substitution_not_credit",
  // Facturae signing certificate (decision 053)
  "certificate_too_large",
  "not_pkcs12",
  "wrong_certificate_password",
  "certificate_incomplete",
  "certificate_key_unsupported",
  "certificate_not_current",
] as const;

export type ZodIssueCode = (typeof ZOD_ISSUE_CODES)[number];
export type FieldErrorCode = ZodIssueCode | (typeof CUSTOM_FIELD_ERROR_CODES)[number];
export const FIELD_ERROR_CODES: readonly FieldErrorCode[] = [...ZOD_ISSUE_CODES, ...CUSTOM_FIELD_ERROR_CODES];

export const isFieldErrorCode = (code: unknown): code is FieldErrorCode =>
  typeof code === "string" && (FIELD_ERROR_CODES as readonly string[]).includes(code);
