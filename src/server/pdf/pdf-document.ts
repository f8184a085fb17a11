import PDFDocument from "pdfkit";
import { getFontSet } from "./fonts.js";
import { intlLocale, type PdfLocale } from "./labels.js";
import { MARGIN } from "./layout.js";

/**
 * An A4 page set up as every Portico PDF is (issue 11: invoices, quotes, receipts and statements): its
 * language and title for readers and assistive technology, and the embedded Noto Sans faces registered.
 * `buffered` keeps every page open for the page numbers drawn at the end; a streamed statement is not.
 */
export function newPdfDocument(info: {
  locale: PdfLocale;
  title: string;
  author: string;
  buffered: boolean;
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: info.buffered,
    lang: intlLocale(info.locale),
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Creator: "Portico" },
    // No default font: pdfkit would parse its Helvetica metrics for every document, which we never draw
    // with (every text selects a Noto Sans face first).
    font: null as unknown as string,
  });
  for (const face of Object.values(getFontSet().faces)) doc.registerFont(face.name, face.source);
  return doc;
}

/** The whole PDF once `doc.end()` has been called. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
