import { ApiError } from "./api-client.js";
import { fieldErrorText } from "./field-error-text.js";

interface FormLike {
  setFieldError: (path: never, error: string) => void;
}

/**
 * Puts the problem's field errors ("body.lines.0.description") onto the form's fields
 * ("lines.0.description"). `rename` maps API paths to form paths where they differ.
 * Returns true when at least one field error was placed.
 */
export function applyProblemToForm(
  form: FormLike,
  error: unknown,
  rename: (path: string) => string = (path) => path,
): boolean {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return false;
  const setFieldError = form.setFieldError as (path: string, error: string) => void;
  for (const fieldError of error.fieldErrors) {
    setFieldError(rename(fieldError.field.replace(/^body\./, "")), fieldErrorText(fieldError, error));
  }
  return true;
}
