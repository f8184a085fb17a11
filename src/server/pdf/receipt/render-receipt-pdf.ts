import { formatPlainDate } from "../format.js";
import { drawHeader } from "../header.js";
import {
  COLORS,
  createContext,
  drawRule,
  ensureSpace,
  MARGIN,
  PAGE_HEIGHT,
  type RenderContext,
  STYLES,
} from "../layout.js";
import { collectPdf, newPdfDocument } from "../pdf-document.js";
import { cleanLine } from "../sanitize.js";
import { drawText } from "../text.js";
import type { InvoicePdfData } from "../types.js";
import { type ReceiptLabels, receiptLabels } from "./receipt-labels.js";
import { drawReceiptTable } from "./receipt-table.js";
import type { ReceiptPdfData } from "./types.js";

export type { ReceiptPdfData } from "./types.js";

/**
 * The shared header draws from an invoice's shape: a receipt is presented as a document without lines,
 * titled "Receipt", dated on the payment day and addressed to who paid.
 */
function asHeaderData(data: ReceiptPdfData, labels: ReceiptLabels): InvoicePdfData {
  return {
    locale: data.locale,
    timeZone: data.timeZone,
    org: data.org,
    customer: data.customer,
    document: {
      title: labels.receipt,
      number: data.receipt.number,
      issueDate: data.receipt.paidOn,
      currency: data.receipt.currency,
    },
    lines: [],
    totals: {
      subtotalMinor: 0,
      discountMinor: 0,
      netMinor: 0,
      taxes: [],
      totalMinor: data.receipt.amountMinor,
      paidMinor: 0,
      dueMinor: 0,
    },
  };
}

function methodLine(data: ReceiptPdfData, labels: ReceiptLabels): string {
  const { receipt } = data;
  const method = labels.methods[receipt.method];
  return receipt.gateway ? `${method} (${cleanLine(receipt.gateway)})` : method;
}

function drawAmountBlock(ctx: RenderContext, data: ReceiptPdfData, labels: ReceiptLabels): void {
  const { doc } = ctx;
  const top = ctx.y;
  let y = top;
  y += drawText(doc, labels.amountReceived.toUpperCase(), STYLES.smallBold, ctx.left, y, ctx.width);
  y += drawText(
    doc,
    ctx.money(data.receipt.amountMinor),
    { size: 20, weight: "bold", color: ctx.brandText },
    ctx.left,
    y,
    ctx.width,
  );
  y += 6;
  const facts: [string, string][] = [[labels.method, methodLine(data, labels)]];
  if (data.receipt.gatewayReference)
    facts.push([labels.gatewayReference, cleanLine(data.receipt.gatewayReference)]);
  if (data.receipt.reference) facts.push([labels.reference, cleanLine(data.receipt.reference)]);
  for (const [label, value] of facts)
    y += drawText(doc, `${label}: ${value}`, STYLES.body, ctx.left, y, ctx.width);
  ctx.y = y + 20;
}

function drawInvoices(ctx: RenderContext, data: ReceiptPdfData, labels: ReceiptLabels): void {
  if (data.invoices.length === 0) {
    ctx.y += drawText(ctx.doc, labels.invoicesPaid, STYLES.party, ctx.left, ctx.y, ctx.width) + 4;
    ctx.y += drawText(ctx.doc, labels.noInvoices, STYLES.body, ctx.left, ctx.y, ctx.width) + 16;
    return;
  }
  drawReceiptTable(
    ctx,
    labels.invoicesPaid,
    [
      { label: labels.invoice, share: 0.5, align: "left" },
      { label: labels.appliedOn, share: 0.25, align: "left" },
      { label: labels.amount, share: 0.25, align: "right" },
    ],
    data.invoices.map((i) => [
      i.kind === "retainer" ? `${i.number} · ${labels.retainer}` : i.number,
      formatPlainDate(i.appliedOn, data.locale),
      ctx.money(i.amountMinor),
    ]),
  );
}

function drawRefunds(ctx: RenderContext, data: ReceiptPdfData, labels: ReceiptLabels): void {
  if (data.refunds.length === 0) return;
  drawReceiptTable(
    ctx,
    labels.refunds,
    [
      { label: labels.refundedOn, share: 0.25, align: "left" },
      { label: labels.method, share: 0.25, align: "left" },
      { label: labels.reference, share: 0.25, align: "left" },
      { label: labels.amount, share: 0.25, align: "right" },
    ],
    data.refunds.map((r) => [
      formatPlainDate(r.refundedOn, data.locale),
      labels.methods[r.method],
      r.reference ?? "",
      ctx.money(r.amountMinor),
    ]),
  );
}

// The split of the amount: what went to invoices, what was refunded, what stays as credit.
function drawSummary(ctx: RenderContext, data: ReceiptPdfData, labels: ReceiptLabels): void {
  const applied = data.invoices.reduce((s, i) => s + i.amountMinor, 0);
  const refunded = data.refunds.reduce((s, r) => s + r.amountMinor, 0);
  const rows: [string, string][] = [[labels.appliedToInvoices, ctx.money(applied)]];
  if (refunded > 0) rows.push([labels.refunded, ctx.money(refunded)]);
  if (data.receipt.unappliedMinor !== 0)
    rows.push([`${labels.unapplied} (${labels.unappliedNote})`, ctx.money(data.receipt.unappliedMinor)]);
  const width = 280;
  const x = ctx.right - width;
  ensureSpace(ctx, rows.length * 14 + 40);
  for (const [label, value] of rows) {
    drawText(ctx.doc, value, STYLES.bodyBold, x, ctx.y, width, "right");
    ctx.y += drawText(ctx.doc, label, STYLES.body, x, ctx.y, width - 90);
    ctx.y += 3;
  }
  ctx.y += 16;
  ctx.y += drawText(ctx.doc, labels.thanks, STYLES.body, ctx.left, ctx.y, ctx.width);
}

// Page numbers need the page count, so footers are drawn last over the buffered pages.
function drawFooters(ctx: RenderContext, data: ReceiptPdfData, labels: ReceiptLabels): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const y = PAGE_HEIGHT - MARGIN - 10;
  const left = [cleanLine(data.org.name), cleanLine(data.receipt.number)].filter(Boolean).join(" · ");
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawRule(ctx, y - 6, COLORS.rule);
    drawText(
      doc,
      labels.page(i - range.start + 1, range.count),
      STYLES.small,
      ctx.left,
      y,
      ctx.width,
      "right",
    );
    drawText(doc, left, STYLES.small, ctx.left, y, ctx.width * 0.7);
  }
}

/** Renders a payment's receipt (E6): who paid, how much, how, and which invoices it paid. */
export async function renderReceiptPdf(data: ReceiptPdfData): Promise<Buffer> {
  const labels = receiptLabels(data.locale);
  const doc = newPdfDocument({
    locale: data.locale,
    title: `${labels.receipt} ${cleanLine(data.receipt.number)}`,
    author: cleanLine(data.org.name),
    buffered: true,
  });
  const finished = collectPdf(doc);
  const ctx = createContext(doc, asHeaderData(data, labels));
  // The header's date and addressee labels, worded for a receipt.
  ctx.labels = { ...ctx.labels, issueDate: labels.paidOn, billTo: labels.receivedFrom };
  drawHeader(ctx);
  drawAmountBlock(ctx, data, labels);
  drawInvoices(ctx, data, labels);
  drawRefunds(ctx, data, labels);
  drawSummary(ctx, data, labels);
  drawFooters(ctx, data, labels);
  doc.end();
  return finished;
}
