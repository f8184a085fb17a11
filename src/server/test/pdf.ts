import { PDFParse } from "pdf-parse";

/** The text of a PDF, with Intl's no-break spaces (between amount and symbol) made plain spaces. */
export async function pdfText(buffer: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    return (await parser.getText()).text.replace(/\u00a0/g, " ");
  } finally {
    await parser.destroy();
  }
}
