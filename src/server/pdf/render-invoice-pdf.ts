import { drawCertificate, drawSignature } from "./acceptance.js";
import { drawHeader } from "./header.js";
import {
  COLORS,
  createContext,
  drawRule,
  MARGIN,
  PAGE_HEIGHT,
  type RenderContext,
  STYLES,
} from "./layout.js";
import { drawLinesTable } from "./lines-table.js";
import { collectPdf, newPdfDocument } from "./pdf-document.js";
import { cleanLine } from "./sanitize.js";
import { drawNotes, drawSummary } from "./summary.js";
import { drawText } from "./text.js";
import type { InvoicePdfData } from "./types.js";
import { drawVerifactuQr } from "./verifactu-qr.js";

export type { PdfLocale } from "./labels.js";
export type { InvoicePdfData, PdfAcceptance, PdfParty } from "./types.js";

// Page numbers need the page count, so footers are drawn last over the buffered pages.
function drawFooters(ctx: RenderContext): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const y = PAGE_HEIGHT - MARGIN - 10;
  const left = [cleanLine(ctx.data.org.name), cleanLine(ctx.data.document.number)]
    .filter(Boolean)
    .join(" · ");
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawRule(ctx, y - 6, COLORS.rule);
    const pageLabel = ctx.labels.page(i - range.start + 1, range.count);
    drawText(doc, pageLabel, STYLES.small, ctx.left, y, ctx.width, "right");
    drawText(doc, left, STYLES.small, ctx.left, y, ctx.width * 0.7);
  }
}

/**
 * Renders an invoice or a quote (with its acceptance certificate) to a PDF. Every string in `data` is
 * treated as untrusted plain text.
 */
export async function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const doc = newPdfDocument({
    locale: data.locale,
    title: cleanLine(data.document.number),
    author: cleanLine(data.org.name),
    buffered: true,
  });
  const finished = collectPdf(doc);

  const ctx = createContext(doc, data);
  drawVerifactuQr(ctx);
  drawHeader(ctx);
  drawLinesTable(ctx);
  drawSummary(ctx);
  drawNotes(ctx);
  if (data.acceptance) {
    drawSignature(ctx, data.acceptance);
    drawCertificate(ctx, data.acceptance);
  }
  drawFooters(ctx);
  doc.end();
  return finished;
}
