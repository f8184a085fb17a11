/**
 * What a UBL e-invoice is made from: an issued invoice, retainer or credit note as plain data, read by
 * `einvoice-ubl.service.ts` and mapped by `ubl-invoice.ts` (pure, so the golden and property tests need no
 * database). Amounts are the invoice's own stored minor units: the XML never recomputes a price.
 */
export interface UblParty {
  name: string;
  legalName: string | null;
  taxId: string | null;
  /** The electronic address when there is no Spanish tax id: the party's email. */
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface UblLineTax {
  name: string;
  rateBp: number;
  amountMinor: number;
}

export interface UblLine {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxes: UblLineTax[];
}

export interface UblSource {
  kind: "invoice" | "retainer" | "credit_note";
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  /** The language of the few canned texts (an exemption reason, a credit note's terms). */
  language: "es" | "en";
  notes: string | null;
  terms: string | null;
  /** The customer's own reference (its order's), if any; else the invoice number is the buyer reference. */
  customerReference: string | null;
  /** The invoice a credit note corrects. */
  corrects: { number: string; issueDate: string } | null;
  seller: UblParty & { iban: string | null; bic: string | null };
  buyer: UblParty;
  lines: UblLine[];
  /** What was already paid or credited onto it (an invoice's or retainer's; 0 for a credit note). */
  paidMinor: number;
}
