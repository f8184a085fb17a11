import type { ImportMapping, ImportProblem } from "../../../shared/contracts/index.js";
import type { FieldErrorCode } from "../../../shared/field-error-codes.js";

/** The cells of one data row by field, through the mapping; `row` is its number under the header (1…). */
export interface RowCells {
  row: number;
  get(field: string): string;
}

export function rowReader(headers: string[], mapping: ImportMapping) {
  const index = new Map<string, number>();
  for (const [field, column] of Object.entries(mapping))
    if (column !== null) index.set(field, headers.indexOf(column));
  return (cells: string[], i: number): RowCells => ({
    row: i + 1,
    get: (field) => {
      const at = index.get(field);
      return at === undefined || at < 0 ? "" : (cells[at] ?? "").trim();
    },
  });
}

/** Collects every problem of every row (nothing stops at the first). */
export class Problems {
  readonly list: ImportProblem[] = [];
  add(row: number, field: string, code: FieldErrorCode, params?: ImportProblem["params"]): null {
    this.list.push(params ? { row, field, code, params } : { row, field, code });
    return null;
  }
}

/** A text field's value, or null when empty; too long is a problem. */
export function text(problems: Problems, r: RowCells, field: string, maximum: number): string | null {
  const value = r.get(field);
  if (value.length > maximum) return problems.add(r.row, field, "too_big", { maximum, origin: "string" });
  return value || null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(problems: Problems, r: RowCells, field: string): string | null {
  const value = text(problems, r, field, 200);
  if (value && !EMAIL.test(value)) return problems.add(r.row, field, "invalid_format", { format: "email" });
  return value;
}
