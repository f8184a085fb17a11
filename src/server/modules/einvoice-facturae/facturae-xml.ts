import { currencyExponent } from "../../../shared/money/currency.js";
import { alpha3Of, isEuMember } from "./countries.js";
import { el, type XmlNode, xmlDocument } from "./xml-writer.js";

export const FACTURAE_NAMESPACE = "http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml";

export interface FacturaeAddress {
  lines: string;
  postalCode: string;
  city: string;
  province: string;
  /** ISO 3166-1 alpha-2, as Portico stores it. */
  country: string;
}

export interface FacturaeParty {
  /** F: a natural person (Individual); J: a legal entity (LegalEntity). */
  personType: "F" | "J";
  taxId: string;
  name: string;
  address: FacturaeAddress;
  email: string | null;
  phone: string | null;
  /** DIR3 codes of a public administration: 01 oficina contable, 02 órgano gestor, 03 unidad tramitadora. */
  dir3?: { accountingOffice: string | null; managingBody: string | null; processingUnit: string | null };
}

export interface FacturaeLine {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  /** rateBp < 0: a withholding (IRPF), the rest output taxes (IVA). */
  taxes: { rateBp: number; amountMinor: number }[];
}

export interface FacturaeInvoice {
  number: string;
  seriesCode: string;
  isCreditNote: boolean;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  language: "es" | "en";
  lines: FacturaeLine[];
  taxBreakdown: { rateBp: number; baseMinor: number; amountMinor: number }[];
  netMinor: number;
  totalMinor: number;
  /** A credit note's corrected invoice. */
  corrects: { number: string; issueDate: string } | null;
  iban: string | null;
  bic: string | null;
  seller: FacturaeParty;
  buyer: FacturaeParty;
}

/** Facturae's tax codes (TaxTypeCode): 01 IVA on the outputs, 04 IRPF withheld. */
const IVA = "01";
const IRPF = "04";

/**
 * An exact decimal of `minor` units (`exponent` decimals), written with at least `places` decimals.
 * Facturae 3.2.2 wants two decimals on the totals and up to eight on the lines; nothing is ever rounded
 * here, amounts come already rounded from shared/money (decision 053).
 */
export function decimal(minor: number, exponent: number, places = 2): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a safe integer: ${minor}`);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, "0");
  const int = digits.slice(0, digits.length - exponent);
  let frac = exponent > 0 ? digits.slice(-exponent) : "";
  while (frac.length > places && frac.endsWith("0")) frac = frac.slice(0, -1);
  frac = frac.padEnd(places, "0");
  return `${minor < 0 ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** A rate in basis points (2100) as Facturae's percentage ("21.00"). */
const rate = (bp: number) => decimal(Math.abs(bp), 2);

function address(a: FacturaeAddress): XmlNode {
  const country = alpha3Of(a.country) ?? a.country;
  if (a.country.toUpperCase() === "ES")
    return el("AddressInSpain", [
      el("Address", a.lines.slice(0, 80)),
      el("PostCode", a.postalCode),
      el("Town", a.city.slice(0, 50)),
      el("Province", a.province.slice(0, 20)),
      el("CountryCode", country),
    ]);
  return el("OverseasAddress", [
    el("Address", a.lines.slice(0, 80)),
    el("PostCodeAndTown", `${a.postalCode} ${a.city}`.trim().slice(0, 50)),
    el("Province", a.province.slice(0, 20)),
    el("CountryCode", country),
  ]);
}

const residence = (country: string) =>
  country.toUpperCase() === "ES" ? "R" : isEuMember(country) ? "U" : "E";

/** Spanish names: given name(s), then the first and second surnames as the last two words. */
function individualName(name: string): XmlNode[] {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return [el("Name", name.slice(0, 40)), el("FirstSurname", "")];
  const n = words.length;
  const given = words.slice(0, n >= 3 ? n - 2 : 1).join(" ");
  return [
    el("Name", given.slice(0, 40)),
    el("FirstSurname", (words[n >= 3 ? n - 2 : 1] ?? "").slice(0, 40)),
    n >= 3 && el("SecondSurname", (words[n - 1] ?? "").slice(0, 40)),
  ];
}

function contactDetails(p: FacturaeParty): XmlNode {
  if (!p.phone && !p.email) return null;
  return el("ContactDetails", [
    p.phone && el("Telephone", p.phone.slice(0, 15)),
    p.email && el("ElectronicMail", p.email.slice(0, 60)),
  ]);
}

function centres(p: FacturaeParty): XmlNode {
  const codes = p.dir3
    ? ([
        ["01", p.dir3.accountingOffice],
        ["02", p.dir3.managingBody],
        ["03", p.dir3.processingUnit],
      ] as const)
    : [];
  const set = codes.filter(([, code]) => code);
  if (set.length === 0) return null;
  return el(
    "AdministrativeCentres",
    set.map(([role, code]) =>
      el("AdministrativeCentre", [
        el("CentreCode", code ?? ""),
        el("RoleTypeCode", role),
        address(p.address),
      ]),
    ),
  );
}

function party(name: string, p: FacturaeParty): XmlNode {
  return el(name, [
    el("TaxIdentification", [
      el("PersonTypeCode", p.personType),
      el("ResidenceTypeCode", residence(p.address.country)),
      el("TaxIdentificationNumber", p.taxId),
    ]),
    centres(p),
    p.personType === "J"
      ? el("LegalEntity", [el("CorporateName", p.name.slice(0, 80)), address(p.address), contactDetails(p)])
      : el("Individual", [...individualName(p.name), address(p.address), contactDetails(p)]),
  ]);
}

interface Money {
  /** Totals: two decimals. */
  total: (minor: number) => string;
  /** Lines: the currency's own decimals (at least two). */
  line: (minor: number) => string;
}

function taxElement(m: Money, code: string, bp: number, base: number, amount: number, lineLevel: boolean) {
  const f = lineLevel ? m.line : m.total;
  return el("Tax", [
    el("TaxTypeCode", code),
    el("TaxRate", rate(bp)),
    el("TaxableBase", [el("TotalAmount", f(base))]),
    el("TaxAmount", [el("TotalAmount", f(amount))]),
  ]);
}

/**
 * The unsigned Facturae 3.2.2 document of one issued invoice or credit note (issue 17 §3): one batch of one
 * invoice, issued by the seller (EM). A credit note is a corrective invoice (OR) by differences: its
 * amounts are negative, as the administrations' platforms (FACe) read them.
 */
export function buildFacturaeXml(inv: FacturaeInvoice): string {
  const exponent = currencyExponent(inv.currency);
  const sign = inv.isCreditNote ? -1 : 1;
  const m: Money = {
    total: (minor) => decimal(sign * minor, exponent, 2),
    line: (minor) => decimal(sign * minor, exponent, Math.max(2, exponent)),
  };
  const outputs = inv.taxBreakdown.filter((t) => t.rateBp >= 0);
  const withheld = inv.taxBreakdown.filter((t) => t.rateBp < 0);
  const sum = (xs: { amountMinor: number }[]) => xs.reduce((s, t) => s + t.amountMinor, 0);
  const total = m.total(inv.totalMinor);

  const header = el("FileHeader", [
    el("SchemaVersion", "3.2.2"),
    el("Modality", "I"),
    el("InvoiceIssuerType", "EM"),
    el("Batch", [
      el("BatchIdentifier", `${inv.seller.taxId}${inv.number}`.slice(0, 70)),
      el("InvoicesCount", 1),
      el("TotalInvoicesAmount", [el("TotalAmount", total)]),
      el("TotalOutstandingAmount", [el("TotalAmount", total)]),
      el("TotalExecutableAmount", [el("TotalAmount", total)]),
      el("InvoiceCurrencyCode", inv.currency),
    ]),
  ]);

  const corrective =
    inv.isCreditNote &&
    el("Corrective", [
      inv.corrects && el("InvoiceNumber", inv.corrects.number),
      el("ReasonCode", "16"),
      el("ReasonDescription", "Base imponible"),
      el("TaxPeriod", [
        el("StartDate", inv.corrects?.issueDate ?? inv.issueDate),
        el("EndDate", inv.corrects?.issueDate ?? inv.issueDate),
      ]),
      el("CorrectionMethod", "02"),
      el("CorrectionMethodDescription", "Rectificación por diferencias"),
      inv.corrects && el("InvoiceIssueDate", inv.corrects.issueDate),
    ]);

  const lines = inv.lines.map((l) => {
    const lineOutputs = l.taxes.filter((t) => t.rateBp >= 0);
    const lineWithheld = l.taxes.filter((t) => t.rateBp < 0);
    return el("InvoiceLine", [
      el("ItemDescription", l.description.slice(0, 2500)),
      el("Quantity", decimal(sign * l.quantityMilli, 3, 2)),
      el("UnitOfMeasure", "01"),
      el("UnitPriceWithoutTax", decimal(l.unitPriceMinor, exponent, Math.max(2, exponent))),
      el("TotalCost", m.line(l.grossMinor)),
      l.discountMinor !== 0 &&
        el("DiscountsAndRebates", [
          el("Discount", [
            el("DiscountReason", inv.language === "es" ? "Descuento" : "Discount"),
            el("DiscountRate", rate(l.discountBp)),
            el("DiscountAmount", m.line(l.discountMinor)),
          ]),
        ]),
      el("GrossAmount", m.line(l.netMinor)),
      lineWithheld.length > 0 &&
        el(
          "TaxesWithheld",
          lineWithheld.map((t) => taxElement(m, IRPF, t.rateBp, l.netMinor, Math.abs(t.amountMinor), true)),
        ),
      el(
        "TaxesOutputs",
        (lineOutputs.length > 0 ? lineOutputs : [{ rateBp: 0, amountMinor: 0 }]).map((t) =>
          taxElement(m, IVA, t.rateBp, l.netMinor, t.amountMinor, true),
        ),
      ),
    ]);
  });

  const invoice = el("Invoice", [
    el("InvoiceHeader", [
      el("InvoiceNumber", inv.number),
      el("InvoiceSeriesCode", inv.seriesCode),
      el("InvoiceDocumentType", "FC"),
      el("InvoiceClass", inv.isCreditNote ? "OR" : "OO"),
      corrective,
    ]),
    el("InvoiceIssueData", [
      el("IssueDate", inv.issueDate),
      el("InvoiceCurrencyCode", inv.currency),
      el("TaxCurrencyCode", inv.currency),
      el("LanguageName", inv.language),
    ]),
    el(
      "TaxesOutputs",
      (outputs.length > 0 ? outputs : [{ rateBp: 0, baseMinor: inv.netMinor, amountMinor: 0 }]).map((t) =>
        taxElement(m, IVA, t.rateBp, t.baseMinor, t.amountMinor, false),
      ),
    ),
    withheld.length > 0 &&
      el(
        "TaxesWithheld",
        withheld.map((t) => taxElement(m, IRPF, t.rateBp, t.baseMinor, Math.abs(t.amountMinor), false)),
      ),
    el("InvoiceTotals", [
      el("TotalGrossAmount", m.total(inv.netMinor)),
      el("TotalGeneralDiscounts", m.total(0)),
      el("TotalGeneralSurcharges", m.total(0)),
      el("TotalGrossAmountBeforeTaxes", m.total(inv.netMinor)),
      el("TotalTaxOutputs", m.total(sum(outputs))),
      el("TotalTaxesWithheld", m.total(-sum(withheld))),
      el("InvoiceTotal", total),
      el("TotalOutstandingAmount", total),
      el("TotalExecutableAmount", total),
    ]),
    el("Items", lines),
    inv.iban &&
      !inv.isCreditNote &&
      el("PaymentDetails", [
        el("Installment", [
          el("InstallmentDueDate", inv.dueDate ?? inv.issueDate),
          el("InstallmentAmount", total),
          el("PaymentMeans", "04"),
          el("AccountToBeCredited", [el("IBAN", inv.iban), inv.bic && el("BIC", inv.bic)]),
        ]),
      ]),
  ]);

  return xmlDocument("fe:Facturae", { fe: FACTURAE_NAMESPACE }, [
    header,
    el("Parties", [party("SellerParty", inv.seller), party("BuyerParty", inv.buyer)]),
    el("Invoices", [invoice]),
  ]);
}
