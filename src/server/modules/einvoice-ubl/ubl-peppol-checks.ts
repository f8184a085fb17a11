import type { Element } from "@xmldom/xmldom";
import { CUSTOMIZATION_ID, PROFILE_ID } from "./ubl-invoice.js";
import { allAt, minorOf, type ReadUbl, readUbl, textAt } from "./ubl-xml-reader.js";

/**
 * The Peppol BIS Billing 3.0 / EN 16931 rules that matter for Portico's documents, checked on the XML
 * itself (the Schematron needs an XSLT 2 processor this project does not ship; decision 052). Returns
 * every broken rule; an empty list means the document passes them. Test support only.
 */
export function peppolProblems(xml: string): string[] {
  const ubl = readUbl(xml);
  const { root } = ubl;
  const problems: string[] = [];
  const expectThat = (ok: boolean, rule: string) => {
    if (!ok) problems.push(rule);
  };
  expectThat(textAt(root, "cbc:CustomizationID") === CUSTOMIZATION_ID, "BR-01 CustomizationID");
  expectThat(textAt(root, "cbc:ProfileID") === PROFILE_ID, "PEPPOL-EN16931-R001 ProfileID");
  expectThat(!!textAt(root, "cbc:BuyerReference")?.trim(), "PEPPOL-EN16931-R003 BuyerReference");
  for (const side of ["cac:AccountingSupplierParty", "cac:AccountingCustomerParty"]) {
    const endpoint = allAt(root, `${side}/cac:Party/cbc:EndpointID`)[0];
    expectThat(!!endpoint?.textContent?.trim(), `PEPPOL-EN16931-R010/R020 ${side} EndpointID`);
    expectThat(!!endpoint?.getAttribute("schemeID"), `BR-62/BR-63 ${side} EndpointID@schemeID`);
  }
  const currency = textAt(root, "cbc:DocumentCurrencyCode");
  expectThat(
    ubl.amounts.every((a) => a.getAttribute("currencyID") === currency),
    "PEPPOL-EN16931-R051 every amount in the document currency",
  );
  problems.push(...totalProblems(ubl), ...vatProblems(ubl));
  return problems;
}

/** The VAT categories Portico writes (S, E), the breakdown's reasons, and BR-CO-25's due date or terms. */
function vatProblems({ root }: ReadUbl): string[] {
  const problems: string[] = [];
  for (const sub of allAt(root, "cac:TaxTotal/cac:TaxSubtotal")) {
    const category = textAt(sub, "cac:TaxCategory/cbc:ID");
    const percent = Number(textAt(sub, "cac:TaxCategory/cbc:Percent"));
    const reason = textAt(sub, "cac:TaxCategory/cbc:TaxExemptionReason");
    if (category === "S" && !(percent > 0)) problems.push("BR-S-05 standard rate above zero");
    if (category === "S" && reason) problems.push("BR-S-10 no exemption reason on a standard rate");
    if (category === "E" && percent !== 0) problems.push("BR-E-05 exempt rate is zero");
    if (category === "E" && !reason?.trim()) problems.push("BR-E-10 exemption reason");
    if (category !== "S" && category !== "E") problems.push(`unexpected VAT category ${category}`);
  }
  const payable = minorOf(textAt(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") ?? "missing");
  if (payable > 0 && !textAt(root, "cbc:DueDate") && !textAt(root, "cac:PaymentTerms/cbc:Note")?.trim())
    problems.push("BR-CO-25 due date or payment terms when an amount is due");
  return problems;
}

function totalProblems({ root, lines }: ReadUbl): string[] {
  const problems: string[] = [];
  const amount = (path: string) => minorOf(textAt(root, path) ?? "missing");
  const total = (name: string) => amount(`cac:LegalMonetaryTotal/cbc:${name}`);
  const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const lineNets = lines.map((l) => minorOf(textAt(l, "cbc:LineExtensionAmount") ?? "missing"));
  const prepaid = textAt(root, "cac:LegalMonetaryTotal/cbc:PrepaidAmount");
  const taxAmount = amount("cac:TaxTotal/cbc:TaxAmount");
  const subtotals = allAt(root, "cac:TaxTotal/cac:TaxSubtotal");
  const check = (ok: boolean, rule: string) => (ok ? [] : [rule]);
  return [
    ...problems,
    ...check(lines.length > 0, "BR-16 at least one line"),
    ...check(sumOf(lineNets) === total("LineExtensionAmount"), "BR-CO-10 Σ line net = LineExtensionAmount"),
    ...check(total("TaxExclusiveAmount") === total("LineExtensionAmount"), "BR-CO-13 TaxExclusive"),
    ...check(
      total("TaxExclusiveAmount") + taxAmount === total("TaxInclusiveAmount"),
      "BR-CO-15 TaxExclusive + Tax = TaxInclusive",
    ),
    ...check(
      total("TaxInclusiveAmount") - (prepaid ? minorOf(prepaid) : 0) === total("PayableAmount"),
      "BR-CO-16 Payable = TaxInclusive − Prepaid",
    ),
    ...check(
      sumOf(subtotals.map((s) => minorOf(textAt(s, "cbc:TaxAmount") ?? "missing"))) === taxAmount,
      "BR-CO-14 Σ VAT category tax = TaxAmount",
    ),
    ...check(
      sumOf(subtotals.map((s) => minorOf(textAt(s, "cbc:TaxableAmount") ?? "missing"))) ===
        total("TaxExclusiveAmount"),
      "BR-S-08 Σ VAT category taxable = TaxExclusive",
    ),
    ...lines.flatMap((l, i) => lineProblems(l, i)),
  ];
}

/** PEPPOL-EN16931-R120: line net = quantity × price − allowances (within 0.02); BR-27: price ≥ 0. */
function lineProblems(line: Element, index: number): string[] {
  const quantity = textAt(line, "cbc:InvoicedQuantity") ?? textAt(line, "cbc:CreditedQuantity") ?? "0";
  const price = minorOf(textAt(line, "cac:Price/cbc:PriceAmount") ?? "missing");
  const allowances = allAt(line, "cac:AllowanceCharge").reduce(
    (sum, a) =>
      sum +
      (textAt(a, "cbc:ChargeIndicator") === "true" ? -1 : 1) * minorOf(textAt(a, "cbc:Amount") ?? "missing"),
    0,
  );
  // Quantity × price in thousandths of a minor unit, exactly (quantities have at most three decimals).
  const [whole, fraction = ""] = quantity.replace("-", "").split(".");
  const milli = (quantity.startsWith("-") ? -1 : 1) * Number(`${whole}${fraction.padEnd(3, "0")}`);
  const expectedThousandths = BigInt(milli) * BigInt(price) - BigInt(allowances) * 1000n;
  const net = BigInt(minorOf(textAt(line, "cbc:LineExtensionAmount") ?? "missing")) * 1000n;
  const gap = net > expectedThousandths ? net - expectedThousandths : expectedThousandths - net;
  // PEPPOL-EN16931-R040: an allowance with a base and a percentage is base × percentage / 100 (within 0.02).
  const allowanceOff = allAt(line, "cac:AllowanceCharge").some((a) => {
    const base = textAt(a, "cbc:BaseAmount");
    const factor = textAt(a, "cbc:MultiplierFactorNumeric");
    if (!base || !factor) return false;
    const [int, frac = ""] = factor.split(".");
    const bp = BigInt(`${int}${frac.padEnd(2, "0")}`);
    const expected = BigInt(minorOf(base)) * bp;
    const actual = BigInt(minorOf(textAt(a, "cbc:Amount") ?? "missing")) * 10_000n;
    const diff = actual > expected ? actual - expected : expected - actual;
    return diff > 20_000n;
  });
  return [
    ...(allowanceOff ? [`PEPPOL-EN16931-R040 line ${index + 1} allowance amount`] : []),
    ...(gap <= 2000n ? [] : [`PEPPOL-EN16931-R120 line ${index + 1} net amount`]),
    ...(price >= 0 ? [] : [`BR-27 line ${index + 1} negative price`]),
    ...(textAt(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID") ? [] : [`BR-CO-4 line ${index + 1} VAT`]),
  ];
}
