import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { computeTotals } from "../../../shared/money/index.js";
import { goldenCreditNote, goldenInvoice } from "./ubl-fixtures.js";
import { ublInvoiceOf } from "./ubl-invoice.js";
import { endpointOf } from "./ubl-parties.js";
import { peppolProblems } from "./ubl-peppol-checks.js";
import { renderUbl } from "./ubl-render.js";
import type { UblSource } from "./ubl-source.js";
import { minorOf, readUbl, textAt } from "./ubl-xml-reader.js";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "none";
};

// The library loads on the first render (over a second, far more on a loaded machine): not in a test's time.
beforeAll(() => renderUbl(goldenInvoice), 300_000);

describe("UBL mapping", () => {
  test("electronic addresses: a Spanish NIF as 9920 with its ES prefix, else the email (EM)", () => {
    expect(endpointOf({ ...goldenInvoice.buyer, taxId: "a-876.543 21" })).toEqual({
      id: "ESA87654321",
      scheme: "9920",
    });
    expect(endpointOf({ ...goldenInvoice.buyer, taxId: "ESA87654321" })?.id).toBe("ESA87654321");
    expect(endpointOf(goldenCreditNote.buyer)).toEqual({ id: "compta@maisonbleue.example", scheme: "EM" });
    expect(endpointOf({ ...goldenCreditNote.buyer, email: null })).toBeNull();
  });

  test("the buyer reference is the invoice number when the customer gave none", async () => {
    const { root } = readUbl(await renderUbl({ ...goldenInvoice, customerReference: null }));
    expect(textAt(root, "cbc:BuyerReference")).toBe("F-2026-0042");
    expect(textAt(root, "cac:OrderReference/cbc:ID")).toBeNull();
  });

  test("a withholding (IRPF) or two taxes on a line is refused, never written wrong", () => {
    const [first] = goldenInvoice.lines;
    if (!first) throw new Error("fixture");
    const withIrpf = {
      ...first,
      taxes: [...first.taxes, { name: "IRPF", rateBp: -1500, amountMinor: -8100 }],
    };
    expect(codeOf(() => ublInvoiceOf({ ...goldenInvoice, lines: [withIrpf] }))).toBe("EINVOICE_UBL_TAXES");
    const onlyIrpf = { ...first, taxes: [{ name: "IRPF", rateBp: -1500, amountMinor: -8100 }] };
    expect(codeOf(() => ublInvoiceOf({ ...goldenInvoice, lines: [onlyIrpf] }))).toBe("EINVOICE_UBL_TAXES");
  });

  test("a party without a Spanish NIF or an email is refused", () => {
    const buyer = { ...goldenCreditNote.buyer, email: null };
    expect(codeOf(() => ublInvoiceOf({ ...goldenCreditNote, buyer }))).toBe("EINVOICE_UBL_ADDRESS");
    const seller = { ...goldenInvoice.seller, taxId: null, email: null };
    expect(codeOf(() => ublInvoiceOf({ ...goldenInvoice, seller }))).toBe("EINVOICE_UBL_ADDRESS");
  });

  test("untaxed lines are exempt (E) with a reason; no IBAN, no payment means; no due date, terms", async () => {
    const [first] = goldenInvoice.lines;
    if (!first) throw new Error("fixture");
    const xml = await renderUbl({
      ...goldenInvoice,
      language: "en",
      dueDate: null,
      terms: null,
      seller: { ...goldenInvoice.seller, iban: null },
      lines: [{ ...first, taxes: [] }],
    });
    const { root } = readUbl(xml);
    expect(textAt(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID")).toBe("E");
    expect(textAt(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason")).toBe(
      "Exempt from VAT",
    );
    expect(textAt(root, "cac:PaymentMeans/cbc:PaymentMeansCode")).toBeNull();
    expect(textAt(root, "cac:PaymentTerms/cbc:Note")).toBe("Payable on receipt of the invoice.");
    expect(peppolProblems(xml)).toEqual([]);
  });
});

describe("the rule checks (tests of the test)", () => {
  const golden = readFileSync(new URL("./__golden__/invoice.xml", import.meta.url), "utf8");
  const broken = (from: string, to: string) => {
    expect(golden).toContain(from);
    return peppolProblems(golden.replace(from, to));
  };

  test("report a total that does not add up, a missing reference and a bare endpoint", () => {
    expect(broken(">708.87</cbc:PayableAmount>", ">708.86</cbc:PayableAmount>")).toEqual([
      "BR-CO-16 Payable = TaxInclusive − Prepaid",
    ]);
    expect(broken("<cbc:BuyerReference>PO-7781</cbc:BuyerReference>", "")).toEqual([
      "PEPPOL-EN16931-R003 BuyerReference",
    ]);
    expect(broken(' schemeID="9920">ESA87654321', ">ESA87654321")).toEqual([
      "BR-62/BR-63 cac:AccountingCustomerParty EndpointID@schemeID",
    ]);
    expect(broken(">540.00</cbc:LineExtensionAmount>", ">540.10</cbc:LineExtensionAmount>")).toContain(
      "PEPPOL-EN16931-R120 line 1 net amount",
    );
    expect(broken("<cbc:TaxExemptionReason>Exento art. 20 LIVA</cbc:TaxExemptionReason>", "")).toEqual([
      "BR-E-10 exemption reason",
    ]);
  });
});

// Rates as a Spanish organisation's catalogue has them (none: an untaxed line).
const RATES = [2100, 1000, 400, 0, null] as const;

interface RandomLine {
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  rate: (typeof RATES)[number];
}

const lineArb: fc.Arbitrary<RandomLine> = fc.record({
  quantityMilli: fc.integer({ min: -50_000, max: 1_000_000 }).filter((q) => q !== 0),
  unitPriceMinor: fc.integer({ min: -10_000_000, max: 10_000_000 }),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  rate: fc.constantFrom(...RATES),
});

/** A document priced by the money helpers, as Portico stores it, from random lines. */
function sourceOf(
  lines: RandomLine[],
  kind: UblSource["kind"],
  paidPart: number,
  currency: string,
): UblSource {
  const priced = computeTotals(
    lines.map((l) => ({
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      taxes: l.rate === null ? [] : [{ taxId: `t${l.rate}`, rateBp: l.rate }],
    })),
  );
  const total = priced.totals.totalMinor;
  return {
    ...(kind === "credit_note" ? goldenCreditNote : goldenInvoice),
    kind,
    currency,
    paidMinor: kind === "credit_note" ? 0 : Math.max(0, Math.floor((total * paidPart) / 100)),
    lines: lines.map((l, i) => {
      const p = priced.lines[i];
      if (!p) throw new Error("priced line");
      return {
        description: `Line ${i + 1}`,
        quantityMilli: l.quantityMilli,
        unitPriceMinor: l.unitPriceMinor,
        discountBp: l.discountBp,
        grossMinor: p.grossMinor,
        discountMinor: p.discountMinor,
        netMinor: p.netMinor,
        taxes: p.taxes.map((t) => ({
          name: `IVA ${t.rateBp / 100}%`,
          rateBp: t.rateBp,
          amountMinor: t.amountMinor,
        })),
      };
    }),
  };
}

describe("UBL totals (property)", () => {
  test("for any lines, rates, discounts and part payment, the XML's totals add up exactly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("invoice", "retainer", "credit_note" as const),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("EUR", "USD"),
        async (lines, kind, paidPart, currency) => {
          const source = sourceOf(lines, kind as UblSource["kind"], paidPart, currency);
          const xml = await renderUbl(source);
          expect(peppolProblems(xml)).toEqual([]);
          // The payable amount is what Portico says is still due.
          const { root } = readUbl(xml);
          const total = source.lines.reduce((s, l) => s + l.netMinor + (l.taxes[0]?.amountMinor ?? 0), 0);
          expect(minorOf(textAt(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") ?? "")).toBe(
            total - source.paidMinor,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
