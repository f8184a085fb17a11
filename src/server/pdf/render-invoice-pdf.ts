import PDFDocument from "pdfkit";
import { drawCertificate, drawSignature } from "./acceptance.js";
import { getFontSet } from "./fonts.js";
import { drawHeader } from "./header.js";
import { intlLocale } from "./labels.js";
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
import { cleanLine } from "./sanitize.js";
import { drawNotes, drawSummary } from "./summary.js";
import { drawText } from "./text.js";
import type { InvoicePdfData } from "./types.js";

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
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: intlLocale(data.locale),
    displayTitle: true,
    info: {
      Title: cleanLine(data.document.number),
      Author: cleanLine(data.org.name),
      Creator: "Portico",
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  for (const face of Object.values(getFontSet().faces)) doc.registerFont(face.name, face.source);
  const ctx = createContext(doc, data);
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
