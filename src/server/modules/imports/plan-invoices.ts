import { type ImportMapping, MAX_AMOUNT_MINOR } from "../../../shared/contracts/index.js";
import { computeTotals, isSupportedCurrency, minorToDecimalString } from "../../../shared/money/index.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import type { paymentMethods } from "../../db/schema/index.js";
import { type CustomerKeys, loadCustomerKeys, normaliseKey } from "../customers/import-customers.js";
import type { PricedLineInput } from "../documents/line-pricing.js";
import { type ImportedInvoice, importedNumbers } from "../invoices/import-invoices.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { taxesByRate } from "../taxes/taxes.service.js";
import type { CsvFile } from "./csv-file.js";
import { Problems, type RowCells, rowReader, text } from "./rows.js";
import { parseImportAmount, parseImportDate, parseScaled } from "./values.js";

export interface InvoiceUnit extends ImportedInvoice {
  rows: number;
  payment: {
    amountMinor: number;
    paidOn: string;
    method: (typeof paymentMethods)[number];
    reference: string | null;
  } | null;
}

type Taxes = Awaited<ReturnType<typeof taxesByRate>>;

/**
 * Rows with the same invoice number are the lines of one invoice (Zoho Books exports one row per line);
 * the first row gives its number, dates, customer and payment. An invoice whose number the import series
 * already holds is skipped, its payment too. Units come sorted by issue date, so the series' sequence
 * ascends with the dates.
 */
export async function planInvoices(tx: Tx, orgId: string, file: CsvFile, mapping: ImportMapping) {
  const org = await loadOrganisation(tx, orgId);
  const today = clock.today(org.timeZone);
  const keys = await loadCustomerKeys(tx);
  const taxes = await taxesByRate(tx);
  const existing = await importedNumbers(tx);
  const problems = new Problems();
  const read = rowReader(file.headers, mapping);
  const groups = new Map<string, { first: RowCells; lines: RowCells[]; bad: boolean }>();
  for (const [i, cells] of file.rows.entries()) {
    const r = read(cells, i);
    const number = text(problems, r, "number", 60);
    if (!number) {
      if (r.get("number") === "") problems.add(r.row, "number", "required");
      continue;
    }
    const group = groups.get(number);
    if (group) group.lines.push(r);
    else groups.set(number, { first: r, lines: [r], bad: false });
  }
  const units: (InvoiceUnit & { order: number })[] = [];
  let toSkip = 0;
  for (const [number, g] of groups) {
    if (existing.has(number)) {
      toSkip++;
      continue;
    }
    const unit = readInvoice(problems, g.first, g.lines, { number, keys, taxes, today });
    if (unit) units.push({ ...unit, order: g.first.row });
  }
  units.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.order - b.order));
  return { problems: problems.list, units, toSkip };
}

function readInvoice(
  problems: Problems,
  r: RowCells,
  lineRows: RowCells[],
  ctx: { number: string; keys: CustomerKeys; taxes: Taxes; today: string },
): InvoiceUnit | null {
  const before = problems.list.length;
  const issueDate = readDate(problems, r, "issueDate", true);
  if (issueDate && issueDate > ctx.today)
    problems.add(r.row, "issueDate", "issue_date_in_future", { today: ctx.today });
  const dueDate = readDate(problems, r, "dueDate", false);
  if (issueDate && dueDate && dueDate < issueDate) problems.add(r.row, "dueDate", "due_before_issue");
  const customer = findCustomer(problems, r, ctx.keys);
  const currency = (r.get("currency").toUpperCase() || customer?.currency) ?? "";
  if (customer && !isSupportedCurrency(currency)) problems.add(r.row, "currency", "unsupported_currency");
  const notes = text(problems, r, "notes", 5000);
  if (problems.list.length > before || !customer || !issueDate) return null;

  const lines = lineRows.map((l) => readLine(problems, l, currency, ctx.taxes));
  if (problems.list.length > before) return null;
  const priced = lines as PricedLineInput[];
  const totalMinor = totalOf(priced);
  if (totalMinor === null)
    return problems.add(r.row, "unitPrice", "too_big", { maximum: MAX_AMOUNT_MINOR, origin: "number" });
  const stated = r.get("total");
  if (stated) {
    const given = parseImportAmount(stated, currency);
    if (given === null) problems.add(r.row, "total", "invalid_type", { expected: "number" });
    else if (given !== totalMinor)
      problems.add(r.row, "total", "total_mismatch", {
        expected: minorToDecimalString(totalMinor, currency),
        currency,
      });
  }
  if (totalMinor < 0) problems.add(r.row, "unitPrice", "too_small", { minimum: 0, origin: "number" });
  const payment = readPayment(problems, r, { currency, totalMinor, issueDate, today: ctx.today });
  if (problems.list.length > before) return null;
  return {
    rows: lineRows.length,
    customerId: customer.id,
    number: ctx.number,
    issueDate,
    dueDate,
    currency,
    notes,
    lines: priced,
    payment,
  };
}

/** The invoice's total by the money rules, or null beyond what an amount may be. */
function totalOf(lines: PricedLineInput[]): number | null {
  try {
    const { totalMinor } = computeTotals(lines).totals;
    return Math.abs(totalMinor) <= MAX_AMOUNT_MINOR ? totalMinor : null;
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

function readDate(problems: Problems, r: RowCells, field: string, required: boolean): string | null {
  const value = r.get(field);
  if (!value) return required ? problems.add(r.row, field, "required") : null;
  return parseImportDate(value) ?? problems.add(r.row, field, "invalid_format", { format: "date" });
}

/** The invoice's customer, imported before it: by its external id, else its tax id, else its name. */
function findCustomer(problems: Problems, r: RowCells, keys: CustomerKeys) {
  const externalId = r.get("customerExternalId");
  const taxId = r.get("customerTaxId");
  const name = r.get("customerName");
  const found = externalId
    ? keys.byExternalId.get(externalId)
    : taxId
      ? keys.byTaxId.get(normaliseKey(taxId))
      : name
        ? keys.byName.get(normaliseKey(name))
        : undefined;
  const field = externalId ? "customerExternalId" : taxId ? "customerTaxId" : "customerName";
  if (!externalId && !taxId && !name) return problems.add(r.row, "customerName", "required");
  return found ?? problems.add(r.row, field, "customer_not_found", { value: externalId || taxId || name });
}

function readLine(problems: Problems, r: RowCells, currency: string, taxes: Taxes): PricedLineInput | null {
  const description = text(problems, r, "description", 2000) ?? "—";
  const quantityText = r.get("quantity");
  const quantityMilli = quantityText ? parseScaled(quantityText, 3) : 1000;
  if (quantityMilli === null) problems.add(r.row, "quantity", "invalid_type", { expected: "number" });
  const priceText = r.get("unitPrice");
  const unitPriceMinor = priceText ? parseImportAmount(priceText, currency) : null;
  if (!priceText) problems.add(r.row, "unitPrice", "required");
  else if (unitPriceMinor === null) problems.add(r.row, "unitPrice", "invalid_type", { expected: "number" });
  const rateText = r.get("taxRate");
  let lineTaxes: PricedLineInput["taxes"] = [];
  if (rateText) {
    const rateBp = parseScaled(rateText, 2);
    const tax = rateBp === null ? undefined : taxes.get(rateBp);
    if (rateBp === null) problems.add(r.row, "taxRate", "invalid_type", { expected: "number" });
    else if (rateBp !== 0 && !tax) problems.add(r.row, "taxRate", "unknown_tax", { rate: rateText });
    else if (tax) lineTaxes = [{ taxId: tax.id, name: tax.name, rateBp: tax.rateBp }];
  }
  if (quantityMilli === null || unitPriceMinor === null) return null;
  return { description, quantityMilli, unitPriceMinor, discountBp: 0, taxes: lineTaxes };
}

const METHODS: Record<string, (typeof paymentMethods)[number]> = {
  transfer: "transfer",
  "bank transfer": "transfer",
  transferencia: "transfer",
  "transferencia bancaria": "transfer",
  cash: "cash",
  efectivo: "cash",
  cheque: "cheque",
  check: "cheque",
  card: "card_terminal",
  "credit card": "card_terminal",
  tarjeta: "card_terminal",
};

/** What was paid: the paid column, else total − balance; paid on the payment date (required then). */
function readPayment(
  problems: Problems,
  r: RowCells,
  ctx: { currency: string; totalMinor: number; issueDate: string; today: string },
): InvoiceUnit["payment"] {
  const paidText = r.get("paidAmount");
  const balanceText = r.get("balance");
  let amountMinor = 0;
  if (paidText) {
    const paid = parseImportAmount(paidText, ctx.currency);
    if (paid === null) return problems.add(r.row, "paidAmount", "invalid_type", { expected: "number" });
    amountMinor = paid;
  } else if (balanceText) {
    const balance = parseImportAmount(balanceText, ctx.currency);
    if (balance === null) return problems.add(r.row, "balance", "invalid_type", { expected: "number" });
    amountMinor = ctx.totalMinor - balance;
  }
  const field = paidText ? "paidAmount" : "balance";
  if (amountMinor < 0) return problems.add(r.row, field, "too_small", { minimum: 0, origin: "number" });
  if (amountMinor > ctx.totalMinor)
    return problems.add(r.row, field, "amount_over_limit", {
      maximumMinor: ctx.totalMinor,
      currency: ctx.currency,
    });
  if (amountMinor === 0) return null;
  const paidOn = readDate(problems, r, "paymentDate", true);
  if (!paidOn) return null;
  if (paidOn > ctx.today)
    return problems.add(r.row, "paymentDate", "date_out_of_range", { maximum: ctx.today });
  const reference = text(problems, r, "paymentReference", 200);
  const method = METHODS[r.get("paymentMethod").toLowerCase()] ?? "other";
  return { amountMinor, paidOn, method, reference };
}
