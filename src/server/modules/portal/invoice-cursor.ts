import { z } from "zod";
import type { PortalInvoiceSort } from "../../../shared/contracts/index.js";
import { AppError } from "../../errors/errors.js";

/**
 * The opaque cursor of a portal invoice page (E3): the sort key and id of the last row shown, with the
 * sort it belongs to. Not signed: it only says where to resume, and RLS still scopes every row read.
 */
export interface InvoiceCursor {
  sort: PortalInvoiceSort;
  dir: "asc" | "desc";
  /** The last row's sort key: a date "YYYY-MM-DD" (date, due) or an integer amount in minor units. */
  key: string | number;
  id: string;
}

const payload = z.object({
  s: z.enum(["date", "due", "amount"]),
  d: z.enum(["asc", "desc"]),
  k: z.union([z.iso.date(), z.number().int().refine(Number.isSafeInteger)]),
  i: z.uuid(),
});

export function encodeCursor(c: InvoiceCursor): string {
  return Buffer.from(JSON.stringify({ s: c.sort, d: c.dir, k: c.key, i: c.id })).toString("base64url");
}

/** A cursor that does not decode, or was made for another sort or direction, is CURSOR_INVALID (400). */
export function decodeCursor(raw: string, sort: PortalInvoiceSort, dir: "asc" | "desc"): InvoiceCursor {
  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw invalid();
  }
  const keyIsDate = typeof parsed.k === "string";
  if (parsed.s !== sort || parsed.d !== dir || keyIsDate !== (sort !== "amount")) throw invalid();
  return { sort, dir, key: parsed.k, id: parsed.i };
}

const invalid = () =>
  new AppError("CURSOR_INVALID", [
    { field: "querystring.cursor", message: "not a cursor of this list", code: "invalid_cursor" },
  ]);
