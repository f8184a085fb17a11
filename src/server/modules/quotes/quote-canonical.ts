import { createHash } from "node:crypto";
import type { QuoteLineTax } from "../../db/schema/index.js";

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical | undefined };

/**
 * A deterministic JSON text: object keys sorted by code point at every level, no whitespace, keys
 * whose value is undefined left out, arrays kept in order. Numbers must be safe integers (amounts
 * are minor units), so no float formatting can ever make two equal documents hash differently.
 */
export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Canonical)}`).join(",")}}`;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Bump when the shape below changes; stored with each acceptance so old hashes stay verifiable. */
export const QUOTE_HASH_VERSION = 1;

export interface QuoteForHash {
  displayNumber: string | null;
  revision: number;
  issueDate: string;
  expiryDate: string | null;
  currency: string;
  notes: string | null;
  terms: string | null;
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxBreakdown: { name: string; rateBp: number; baseMinor: number; amountMinor: number }[];
  customerSnapshot: Record<string, unknown> | null;
  lines: {
    position: number;
    description: string;
    quantityMilli: number;
    unitPriceMinor: number;
    discountBp: number;
    taxes: QuoteLineTax[];
    grossMinor: number;
    discountMinor: number;
    netMinor: number;
    taxMinor: number;
    totalMinor: number;
  }[];
}

const CUSTOMER_FIELDS = [
  "name",
  "legalName",
  "taxId",
  "email",
  "addressLine1",
  "addressLine2",
  "postalCode",
  "city",
  "region",
  "country",
] as const;

/** What the contact is shown, and nothing else: ids, timestamps and statuses are left out. */
export function quoteView(q: QuoteForHash): Canonical {
  const snapshot = q.customerSnapshot ?? {};
  const customer: Record<string, Canonical> = {};
  for (const f of CUSTOMER_FIELDS) {
    const v = snapshot[f];
    customer[f] = typeof v === "string" ? v : null;
  }
  return {
    v: QUOTE_HASH_VERSION,
    number: q.displayNumber,
    revision: q.revision,
    issueDate: q.issueDate,
    expiryDate: q.expiryDate,
    currency: q.currency,
    notes: q.notes,
    terms: q.terms,
    customer,
    lines: [...q.lines]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        position: l.position,
        description: l.description,
        quantityMilli: l.quantityMilli,
        unitPriceMinor: l.unitPriceMinor,
        discountBp: l.discountBp,
        taxes: l.taxes.map((t) => ({ name: t.name, rateBp: t.rateBp, amountMinor: t.amountMinor })),
        grossMinor: l.grossMinor,
        discountMinor: l.discountMinor,
        netMinor: l.netMinor,
        taxMinor: l.taxMinor,
        totalMinor: l.totalMinor,
      })),
    totals: {
      subtotalMinor: q.subtotalMinor,
      discountMinor: q.discountMinor,
      netMinor: q.netMinor,
      taxMinor: q.taxMinor,
      totalMinor: q.totalMinor,
      taxes: q.taxBreakdown.map((t) => ({
        name: t.name,
        rateBp: t.rateBp,
        baseMinor: t.baseMinor,
        amountMinor: t.amountMinor,
      })),
    },
  };
}

/** The SHA-256 (hex) of the canonical serialisation of a quote as shown. */
export const quoteHash = (q: QuoteForHash) => sha256Hex(canonicalJson(quoteView(q)));
