import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  InvoiceKind,
  Rectification,
  RectificationMethod,
  RectificationType,
  rectificationInput,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoiceLines, invoices, type StoredRectifiedInvoice } from "../../db/schema/index.js";
import { AppError, type FieldError, invalid } from "../../errors/errors.js";
import type { PricedLineInput } from "../documents/line-pricing.js";

/*
 * Spanish rectifying invoices (issue 17 §2, decision 051). A credit note of an organisation whose country
 * is Spain is a "factura rectificativa": it has a type (R1–R5), a reason, the invoices it rectifies and a
 * method (by difference or by substitution). Outside Spain credit notes stay as they were.
 */

type InvoiceRow = typeof invoices.$inferSelect;
type RectificationBody = z.output<typeof rectificationInput>;

/** Whether a credit note of this organisation is a Spanish rectifying invoice. */
export const isRectifyingOrg = (org: { country: string }) => org.country === "ES";

/** The columns of `invoices` a rectifying invoice writes (all null for any other document). */
export interface RectificationColumns {
  rectificationType: RectificationType | null;
  rectificationMethod: RectificationMethod | null;
  rectificationReason: string | null;
  rectifiedInvoices: StoredRectifiedInvoice[] | null;
}

export const NO_RECTIFICATION: RectificationColumns = {
  rectificationType: null,
  rectificationMethod: null,
  rectificationReason: null,
  rectifiedInvoices: null,
};

export interface RectificationPlan {
  columns: RectificationColumns;
  /** The credit note's "corrected invoice" link: the first rectified invoice. */
  correctsInvoiceId: string | null;
  /** The credit note's lines from the form's lines (by substitution: the copies, then the corrected negated). */
  linesOf<L extends PricedLineInput>(lines: L[]): (L | PricedLineInput)[];
  /** By substitution the credit note must credit something: checked on its priced total. */
  checkTotal(totalMinor: number): void;
}

const fieldError = (field: string, message: string, code: FieldError["code"]): FieldError => ({
  field,
  message,
  code,
});

/**
 * What a credit-note draft of `org` stores of its rectification, checked: in Spain the type and reason
 * are required and the rectified invoices must be issued invoices of the same customer, organisation and
 * currency (another's id is refused like an unknown one, nothing written); substitution needs exactly one.
 * Returns null when the document is not a rectifying invoice (another kind, or outside Spain), after
 * refusing a rectification sent for it.
 */
export async function planRectification(
  tx: Tx,
  args: {
    org: { country: string };
    kind: InvoiceKind;
    customerId: string;
    currency: string;
    correctsInvoiceId: string | null | undefined;
    input: RectificationBody | null | undefined;
  },
): Promise<RectificationPlan | null> {
  const { input } = args;
  if (args.kind !== "credit_note" || !isRectifyingOrg(args.org)) {
    if (input)
      throw invalid(
        "body.rectification",
        "only a credit note of an organisation in Spain is a rectifying invoice",
        "not_allowed",
      );
    return null;
  }
  if (!input?.type) {
    const fields = [fieldError("body.rectification.type", "choose the rectification type", "required")];
    if (!input) fields.push(fieldError("body.rectification.reason", "give the reason", "required"));
    throw new AppError("VALIDATION_FAILED", fields);
  }
  const ids = [...input.invoiceIds];
  if (args.correctsInvoiceId && !ids.includes(args.correctsInvoiceId)) ids.unshift(args.correctsInvoiceId);
  const field = (i: number) =>
    i < input.invoiceIds.length ? `body.rectification.invoiceIds.${i}` : "body.correctsInvoiceId";
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw invalid(field(i), "this invoice is listed twice", "listed_twice");
    seen.add(id);
  });
  if (input.method === "substitution" && ids.length !== 1)
    throw invalid(
      "body.rectification.invoiceIds",
      "a rectification by substitution replaces exactly one invoice",
      "substitution_needs_one",
    );
  const rows = ids.length ? await tx.select().from(invoices).where(inArray(invoices.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const targets = ids.map((id, i) => {
    const row = byId.get(id);
    if (!row || !isRectifiable(row, args.customerId, args.currency))
      throw invalid(field(i), "choose an issued invoice of the same customer", "corrected_invoice_invalid");
    return row;
  });
  const substituted = input.method === "substitution" ? (targets[0] as InvoiceRow) : null;
  const copied = substituted ? await copiedLinesOf(tx, substituted.id) : [];
  return {
    columns: {
      rectificationType: input.type,
      rectificationMethod: input.method,
      rectificationReason: input.reason,
      rectifiedInvoices: targets.map((t) => ({
        invoiceId: t.id,
        number: t.number as string,
        issueDate: t.issueDate,
        baseMinor: substituted ? t.netMinor : null,
        taxMinor: substituted ? t.taxMinor : null,
        copiedLines: t === substituted ? copied.length : 0,
      })),
    },
    correctsInvoiceId: targets[0]?.id ?? null,
    linesOf: (lines) =>
      substituted ? [...copied, ...lines.map((l) => ({ ...l, quantityMilli: -l.quantityMilli }))] : lines,
    checkTotal: (totalMinor) => {
      if (substituted && totalMinor <= 0)
        throw invalid(
          "body.lines",
          "the corrected amounts are not below the rectified invoice's: nothing is credited",
          "substitution_not_credit",
        );
    },
  };
}

/** An invoice a rectifying invoice may name: issued, not void, same customer and currency. */
const isRectifiable = (row: InvoiceRow, customerId: string, currency: string) =>
  row.kind === "invoice" &&
  row.issuedAt !== null &&
  row.number !== null &&
  row.status !== "void" &&
  row.customerId === customerId &&
  row.currency === currency;

/** The rectified invoice's lines as priced inputs, so the copies price to exactly its amounts. */
async function copiedLinesOf(tx: Tx, invoiceId: string): Promise<PricedLineInput[]> {
  const rows = await tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(invoiceLines.position);
  return rows.map((l) => ({
    description: l.description,
    quantityMilli: l.quantityMilli,
    unitPriceMinor: l.unitPriceMinor,
    discountBp: l.discountBp,
    taxes: l.taxes.map((t) => ({ taxId: t.taxId, name: t.name, rateBp: t.rateBp })),
  }));
}

/**
 * Issuing a credit note of a Spanish organisation: it must carry its rectification (a draft saved
 * before the organisation was in Spain may not), and its rectified invoices must still be live.
 */
export async function checkRectificationAtIssue(
  tx: Tx,
  org: { country: string },
  row: InvoiceRow,
): Promise<void> {
  if (row.kind !== "credit_note" || !isRectifyingOrg(org)) return;
  if (!row.rectificationType || !row.rectificationReason)
    throw new AppError("VALIDATION_FAILED", [
      fieldError("body.rectification.type", "choose the rectification type", "required"),
    ]);
  const ids = (row.rectifiedInvoices ?? []).map((r) => r.invoiceId);
  if (!ids.length) return;
  const live = await tx
    .select({ id: invoices.id, status: invoices.status })
    .from(invoices)
    .where(inArray(invoices.id, ids));
  const i = ids.findIndex(
    (id) => live.find((l) => l.id === id)?.status === "void" || !live.some((l) => l.id === id),
  );
  if (i >= 0)
    throw invalid(
      `body.rectification.invoiceIds.${i}`,
      "the rectified invoice was voided",
      "corrected_invoice_invalid",
    );
}

/** The rectification a detail shows, from the row alone (no statement of its own). */
export function rectificationOfRow(row: InvoiceRow): Rectification | null {
  if (!row.rectificationType || !row.rectificationMethod) return null;
  const rectified = row.rectifiedInvoices ?? [];
  const substituted = row.rectificationMethod === "substitution" ? rectified[0] : undefined;
  return {
    type: row.rectificationType,
    method: row.rectificationMethod,
    reason: row.rectificationReason ?? "",
    rectified: rectified.map(({ invoiceId, number, issueDate, baseMinor, taxMinor }) => ({
      invoiceId,
      number,
      issueDate,
      baseMinor,
      taxMinor,
    })),
    copiedLineCount: rectified.reduce((n, r) => n + r.copiedLines, 0),
    correctedBaseMinor: substituted?.baseMinor != null ? substituted.baseMinor - row.netMinor : null,
    correctedTaxMinor: substituted?.taxMinor != null ? substituted.taxMinor - row.taxMinor : null,
  };
}

/** What the VERI*FACTU record of a rectifying invoice needs (decision 051); amounts in minor units. */
export interface RectificationRecord {
  type: RectificationType;
  method: RectificationMethod;
  /** VERI*FACTU `TipoRectificativa`: S by substitution, I by difference. */
  aeatMethod: "S" | "I";
  reason: string;
  rectified: { number: string; issueDate: string; base?: number; tax?: number }[];
}

/**
 * The rectification of a credit note for the VERI*FACTU records (`invoiceTypeOf` reads `type`): null for
 * a document that is not a rectifying invoice. `base`/`tax` (by substitution only) are the rectified
 * invoice's `BaseRectificada`/`CuotaRectificada`, in minor units of the invoice's currency.
 */
export async function rectificationOf(tx: Tx, creditNoteId: string): Promise<RectificationRecord | null> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, creditNoteId));
  const r = row ? rectificationOfRow(row) : null;
  if (!r) return null;
  return {
    type: r.type,
    method: r.method,
    aeatMethod: r.method === "substitution" ? "S" : "I",
    reason: r.reason,
    rectified: r.rectified.map((x) => ({
      number: x.number,
      issueDate: x.issueDate,
      ...(x.baseMinor !== null ? { base: x.baseMinor } : {}),
      ...(x.taxMinor !== null ? { tax: x.taxMinor } : {}),
    })),
  };
}
