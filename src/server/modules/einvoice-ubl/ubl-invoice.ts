import type { Invoice } from "@e-invoice-eu/core";
import { minorToDecimalString } from "../../../shared/money/index.js";
import { percentOf, quantityOf } from "./ubl-numbers.js";
import { buyerPartyOf, sellerPartyOf } from "./ubl-parties.js";
import type { UblLine, UblSource } from "./ubl-source.js";
import { type LineVat, lineVatOf, type VatSubtotal, vatBreakdownOf } from "./ubl-taxes.js";

type Doc = Invoice["ubl:Invoice"];
type Currency = Doc["cbc:DocumentCurrencyCode"];
type Line = Doc["cac:InvoiceLine"][number];

/** Peppol BIS Billing 3.0 (decision 052). */
export const CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
export const PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/** UNTDID 1001: commercial invoice, prepayment invoice (a retainer), credit note. */
const TYPE_CODES = { invoice: "380", retainer: "386", credit_note: "381" } as const;

const texts = {
  es: {
    onReceipt: "Pago a la recepción de la factura.",
    credit: "Importe a compensar en sus facturas o a reembolsar.",
    discount: "Descuento",
  },
  en: {
    onReceipt: "Payable on receipt of the invoice.",
    credit: "Amount to be set against your invoices or refunded.",
    discount: "Discount",
  },
} as const;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The document totals (BG-22) from the lines and the VAT breakdown: they add up by construction. */
export function ublTotalsOf(src: UblSource, breakdown: VatSubtotal[]) {
  const lineExtensionMinor = sum(src.lines.map((l) => l.netMinor));
  const taxMinor = sum(breakdown.map((b) => b.amountMinor));
  const taxInclusiveMinor = lineExtensionMinor + taxMinor;
  const prepaidMinor = src.kind === "credit_note" ? 0 : src.paidMinor;
  return {
    lineExtensionMinor,
    taxMinor,
    taxInclusiveMinor,
    prepaidMinor,
    payableMinor: taxInclusiveMinor - prepaidMinor,
  };
}

/**
 * An issued invoice, retainer or credit note as `@e-invoice-eu/core`'s UBL invoice data. Refuses
 * (AppError) what EN 16931 cannot say: several taxes or a withholding on a line, a party without an
 * electronic address.
 */
export function ublInvoiceOf(src: UblSource): Invoice {
  const t = texts[src.language];
  const currency = src.currency as Currency;
  const money = (minor: number) => minorToDecimalString(minor, src.currency);
  const vats = src.lines.map((l) => lineVatOf(l, src.language));
  const breakdown = vatBreakdownOf(src.lines, vats);
  const totals = ublTotalsOf(src, breakdown);
  const note = src.notes?.trim();
  // BR-CO-25: an amount due needs a due date or payment terms; a UBL credit note has no due date.
  const needsTerms = src.kind === "credit_note" || !src.dueDate;
  const terms =
    src.terms?.trim() || (needsTerms ? (src.kind === "credit_note" ? t.credit : t.onReceipt) : null);

  const line = (l: UblLine, i: number): Line => {
    const vat = vats[i] as LineVat;
    // BR-27: a price is never negative, so a negative price is a positive one of a negative quantity.
    const sign = l.unitPriceMinor < 0 ? -1 : 1;
    const firstLine = l.description.split("\n")[0]?.trim() || l.description;
    return {
      "cbc:ID": String(i + 1),
      "cbc:InvoicedQuantity": quantityOf(sign * l.quantityMilli),
      "cbc:InvoicedQuantity@unitCode": "C62",
      "cbc:LineExtensionAmount": money(l.netMinor),
      "cbc:LineExtensionAmount@currencyID": currency,
      ...(l.discountMinor !== 0
        ? {
            "cac:AllowanceCharge": [
              {
                "cbc:ChargeIndicator": "false",
                "cbc:AllowanceChargeReasonCode": "95",
                "cbc:AllowanceChargeReason": t.discount,
                "cbc:MultiplierFactorNumeric": percentOf(l.discountBp),
                "cbc:Amount": money(l.discountMinor),
                "cbc:Amount@currencyID": currency,
                "cbc:BaseAmount": money(l.grossMinor),
                "cbc:BaseAmount@currencyID": currency,
              },
            ],
          }
        : {}),
      "cac:Item": {
        ...(firstLine !== l.description ? { "cbc:Description": l.description } : {}),
        "cbc:Name": firstLine,
        "cac:ClassifiedTaxCategory": {
          "cbc:ID": vat.category,
          "cbc:Percent": percentOf(vat.rateBp),
          "cac:TaxScheme": { "cbc:ID": "VAT" },
        },
      },
      "cac:Price": {
        "cbc:PriceAmount": money(sign * l.unitPriceMinor),
        "cbc:PriceAmount@currencyID": currency,
      },
    } as Line;
  };

  const doc = {
    "cbc:CustomizationID": CUSTOMIZATION_ID,
    "cbc:ProfileID": PROFILE_ID,
    "cbc:ID": src.number,
    "cbc:IssueDate": src.issueDate,
    ...(src.dueDate ? { "cbc:DueDate": src.dueDate } : {}),
    "cbc:InvoiceTypeCode": TYPE_CODES[src.kind],
    ...(note ? { "cbc:Note": [note] } : {}),
    "cbc:DocumentCurrencyCode": currency,
    // PEPPOL-EN16931-R003: a buyer reference or an order reference; the invoice number when there is none.
    "cbc:BuyerReference": src.customerReference?.trim() || src.number,
    ...(src.customerReference?.trim()
      ? { "cac:OrderReference": { "cbc:ID": src.customerReference.trim() } }
      : {}),
    ...(src.corrects
      ? {
          "cac:BillingReference": [
            {
              "cac:InvoiceDocumentReference": {
                "cbc:ID": src.corrects.number,
                "cbc:IssueDate": src.corrects.issueDate,
              },
            },
          ],
        }
      : {}),
    "cac:AccountingSupplierParty": { "cac:Party": sellerPartyOf(src.seller) },
    "cac:AccountingCustomerParty": { "cac:Party": buyerPartyOf(src.buyer) },
    ...(src.kind !== "credit_note" && src.seller.iban
      ? {
          "cac:PaymentMeans": [
            {
              // 58: SEPA credit transfer; 30: a credit transfer in another currency.
              "cbc:PaymentMeansCode": src.currency === "EUR" ? "58" : "30",
              "cbc:PaymentID": src.number,
              "cac:PayeeFinancialAccount": {
                "cbc:ID": src.seller.iban.replace(/\s+/g, "").toUpperCase(),
                "cbc:Name": src.seller.legalName?.trim() || src.seller.name,
                ...(src.seller.bic ? { "cac:FinancialInstitutionBranch": { "cbc:ID": src.seller.bic } } : {}),
              },
            },
          ],
        }
      : {}),
    ...(terms ? { "cac:PaymentTerms": { "cbc:Note": terms } } : {}),
    "cac:TaxTotal": [
      {
        "cbc:TaxAmount": money(totals.taxMinor),
        "cbc:TaxAmount@currencyID": currency,
        "cac:TaxSubtotal": breakdown.map((b) => ({
          "cbc:TaxableAmount": money(b.baseMinor),
          "cbc:TaxableAmount@currencyID": currency,
          "cbc:TaxAmount": money(b.amountMinor),
          "cbc:TaxAmount@currencyID": currency,
          "cac:TaxCategory": {
            "cbc:ID": b.category,
            "cbc:Percent": percentOf(b.rateBp),
            ...(b.exemptionReason ? { "cbc:TaxExemptionReason": b.exemptionReason } : {}),
            "cac:TaxScheme": { "cbc:ID": "VAT" },
          },
        })),
      },
    ],
    "cac:LegalMonetaryTotal": {
      "cbc:LineExtensionAmount": money(totals.lineExtensionMinor),
      "cbc:LineExtensionAmount@currencyID": currency,
      "cbc:TaxExclusiveAmount": money(totals.lineExtensionMinor),
      "cbc:TaxExclusiveAmount@currencyID": currency,
      "cbc:TaxInclusiveAmount": money(totals.taxInclusiveMinor),
      "cbc:TaxInclusiveAmount@currencyID": currency,
      ...(totals.prepaidMinor !== 0
        ? { "cbc:PrepaidAmount": money(totals.prepaidMinor), "cbc:PrepaidAmount@currencyID": currency }
        : {}),
      "cbc:PayableAmount": money(totals.payableMinor),
      "cbc:PayableAmount@currencyID": currency,
    },
    "cac:InvoiceLine": src.lines.map(line),
  };
  return { "ubl:Invoice": doc } as Invoice;
}
