import { formatIban } from "./format.js";
import { COLORS, ensureSpace, type RenderContext, STYLES } from "./layout.js";
import { cleanLine, cleanMultiline } from "./sanitize.js";
import { drawLines, drawText, layoutText, lineHeight, type TextLine, type TextStyle } from "./text.js";

const TOTALS_WIDTH = 240;
const GAP = 24;

interface TotalsRow {
  label: string;
  note?: string;
  value: string;
  style: TextStyle;
  ruleAbove?: boolean;
}

function totalsRows(ctx: RenderContext): TotalsRow[] {
  const { totals } = ctx.data;
  const { labels, money } = ctx;
  const rows: TotalsRow[] = [];
  if (totals.discountMinor !== 0) {
    rows.push({ label: labels.gross, value: money(totals.subtotalMinor), style: STYLES.body });
    rows.push({ label: labels.totalDiscount, value: money(-totals.discountMinor), style: STYLES.body });
  }
  rows.push({ label: labels.net, value: money(totals.netMinor), style: STYLES.body });
  for (const tax of totals.taxes) {
    // The base is worth printing only when the tax does not apply to the whole net amount.
    const note = tax.baseMinor !== totals.netMinor ? labels.taxBase(money(tax.baseMinor)) : undefined;
    rows.push({ label: cleanLine(tax.label), note, value: money(tax.amountMinor), style: STYLES.body });
  }
  const totalStyle: TextStyle = { size: 12, weight: "bold", color: ctx.brandText };
  rows.push({ label: labels.total, value: money(totals.totalMinor), style: totalStyle, ruleAbove: true });
  if (totals.paidMinor !== 0) {
    rows.push({ label: labels.paid, value: money(totals.paidMinor), style: STYLES.body });
    rows.push({ label: labels.due, value: money(totals.dueMinor), style: STYLES.bodyBold });
  }
  return rows;
}

const ROW_GAP = 3;

interface PreparedRow {
  row: TotalsRow;
  value: TextLine[];
  label: TextLine[];
  note: TextLine[];
  height: number;
}

// Values are right-aligned on one line; the label and its note wrap in the space the value leaves.
function prepareRows(ctx: RenderContext, rows: TotalsRow[]): PreparedRow[] {
  return rows.map((row) => {
    const value = layoutText(ctx.doc, row.value, row.style, Number.POSITIVE_INFINITY);
    const labelWidth = TOTALS_WIDTH - (value[0]?.width ?? 0) - 8;
    const label = layoutText(ctx.doc, row.label, row.style, labelWidth);
    const note = row.note ? layoutText(ctx.doc, row.note, STYLES.small, labelWidth) : [];
    const height =
      label.length * lineHeight(row.style) +
      note.length * lineHeight(STYLES.small) +
      ROW_GAP +
      (row.ruleAbove ? 6 : 0);
    return { row, value, label, note, height };
  });
}

function drawTotals(ctx: RenderContext, rows: PreparedRow[], x: number, y: number): void {
  const { doc } = ctx;
  let cursor = y;
  for (const { row, value, label, note, height } of rows) {
    const top = cursor;
    if (row.ruleAbove) {
      doc
        .moveTo(x, cursor)
        .lineTo(x + TOTALS_WIDTH, cursor)
        .lineWidth(0.8)
        .strokeColor(COLORS.text)
        .stroke();
      cursor += 6;
    }
    drawLines(doc, value, row.style, x, cursor, { align: "right", width: TOTALS_WIDTH });
    cursor += drawLines(doc, label, row.style, x, cursor);
    drawLines(doc, note, STYLES.small, x, cursor);
    cursor = top + height;
  }
}

function paymentLines(ctx: RenderContext): string[] {
  const { org, document } = ctx.data;
  const iban = cleanLine(org.iban);
  if (!iban) return [];
  const bic = cleanLine(org.bic);
  return [
    cleanLine(org.legalName) || cleanLine(org.name),
    `${ctx.labels.iban}: ${formatIban(iban)}`,
    ...(bic ? [`${ctx.labels.bic}: ${bic}`] : []),
    `${ctx.labels.reference}: ${cleanLine(document.number)}`,
    ...(ctx.data.transfer ? [`${ctx.labels.amount}: ${ctx.money(ctx.data.transfer.amountMinor)}`] : []),
  ];
}

/** The symbol itself, quiet zone excluded: over the 2.5 cm banking apps are tested to read on paper. */
const QR_SYMBOL_SIDE = 76;
const QR_QUIET_MODULES = 4;

interface PreparedQr {
  path: string;
  /** Points per module. */
  scale: number;
  /** Side of the whole square, quiet zone included. */
  side: number;
  caption: TextLine[];
}

function prepareQr(ctx: RenderContext, width: number): PreparedQr | null {
  const qr = ctx.data.transfer?.qr;
  if (!qr) return null;
  const scale = QR_SYMBOL_SIDE / (qr.size - 2 * QR_QUIET_MODULES);
  const side = scale * qr.size;
  const caption = layoutText(ctx.doc, ctx.labels.scanToPay, STYLES.small, width - side - 4);
  return { path: qr.path, scale, side, caption };
}

/** Vector squares, black on a white square that keeps the quiet zone clear of anything drawn later. */
function drawQr(ctx: RenderContext, qr: PreparedQr, x: number, y: number): void {
  const { doc } = ctx;
  doc.save().rect(x, y, qr.side, qr.side).fill("#ffffff");
  doc.translate(x, y).scale(qr.scale).path(qr.path).fill("#000000").restore();
  const captionY = y + qr.side / 2 - (qr.caption.length * lineHeight(STYLES.small)) / 2;
  drawLines(doc, qr.caption, STYLES.small, x + qr.side + 4, captionY);
}

/**
 * Totals on the right and, when the organisation has an IBAN, transfer instructions on the left: the
 * amount still due when the invoice is open, and for euros the EPC QR code below them (issue 13).
 */
export function drawSummary(ctx: RenderContext): void {
  const rows = prepareRows(ctx, totalsRows(ctx));
  const totalsHeight = rows.reduce((sum, row) => sum + row.height, 0);
  const paymentWidth = ctx.width - TOTALS_WIDTH - GAP;
  const text = paymentLines(ctx);
  const heading =
    text.length > 0 ? layoutText(ctx.doc, ctx.labels.payByTransfer, STYLES.bodyBold, paymentWidth) : [];
  const payment = text.flatMap((line) => layoutText(ctx.doc, line, STYLES.body, paymentWidth));
  const qr = text.length > 0 ? prepareQr(ctx, paymentWidth) : null;
  const paymentHeight =
    heading.length * lineHeight(STYLES.bodyBold) +
    payment.length * lineHeight(STYLES.body) +
    (qr ? qr.side : 0);
  ensureSpace(ctx, Math.max(totalsHeight, paymentHeight));

  const top = ctx.y;
  drawTotals(ctx, rows, ctx.right - TOTALS_WIDTH, top);
  const paymentY = top + drawLines(ctx.doc, heading, STYLES.bodyBold, ctx.left, top);
  const qrY = paymentY + drawLines(ctx.doc, payment, STYLES.body, ctx.left, paymentY);
  if (qr) drawQr(ctx, qr, ctx.left, qrY);
  ctx.y = top + Math.max(totalsHeight, paymentHeight) + 16;
}

/** Notes and terms, flowing over as many pages as they need. */
export function drawNotes(ctx: RenderContext): void {
  const sections: [string, string][] = [
    [ctx.labels.notes, cleanMultiline(ctx.data.document.notes)],
    [ctx.labels.terms, cleanMultiline(ctx.data.document.terms)],
  ];
  for (const [heading, text] of sections) {
    if (!text) continue;
    const lines = layoutText(ctx.doc, text, STYLES.body, ctx.width);
    const lh = lineHeight(STYLES.body);
    ensureSpace(ctx, lineHeight(STYLES.bodyBold) + lh);
    ctx.y += drawText(ctx.doc, heading, STYLES.bodyBold, ctx.left, ctx.y, ctx.width);
    let start = 0;
    while (start < lines.length) {
      const room = Math.floor((ctx.bottom - ctx.y) / lh);
      if (room < 1) {
        ensureSpace(ctx, Number.POSITIVE_INFINITY);
        continue;
      }
      const slice = lines.slice(start, start + room);
      ctx.y += drawLines(ctx.doc, slice, STYLES.body, ctx.left, ctx.y);
      start += slice.length;
    }
    ctx.y += 12;
  }
}
