import { deflateSync } from "node:zlib";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../shared/money/index.js";
import { pngChunk } from "../test/png.js";
import { renderInvoicePdf } from "./render-invoice-pdf.js";
import { buildSampleInvoice } from "./sample-invoice.js";
import type { InvoicePdfData } from "./types.js";

async function readPdf(
  buffer: Buffer,
): Promise<{ text: string; pages: number; title?: string; author?: string }> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    // Intl separates amount and symbol with a no-break space; compare on plain spaces.
    return {
      text: text.text.replace(/\u00a0/g, " "),
      pages: text.total,
      title: info.info?.Title,
      author: info.info?.Author,
    };
  } finally {
    await parser.destroy();
  }
}

const plain = (s: string) => s.replace(/\u00a0/g, " ");
const count = (text: string, needle: string) => text.split(needle).length - 1;

// 2×2 RGBA: transparency takes pdfkit's asynchronous decoding path, the one a bad file could crash.
function tinyPng(
  idat = deflateSync(Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 128, 0, 0, 0, 0, 255, 0, 0, 0, 0])),
): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("renderInvoicePdf", () => {
  it("renders a Spanish invoice whose text reads back intact", async () => {
    const data = buildSampleInvoice({ locale: "es" });
    data.lines[0] = {
      ...(data.lines[0] as InvoicePdfData["lines"][number]),
      description: "Diseño gráfico — 1ª fase",
    };
    const pdf = await renderInvoicePdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const { text, pages, title, author } = await readPdf(pdf);
    expect(pages).toBe(1);
    expect(title).toBe("F-2026-0042");
    expect(author).toBe("Peña Ñandú, S.L.");
    for (const expected of [
      "F-2026-0042",
      "Peña Ñandú, S.L.",
      "Diseño gráfico — 1ª fase",
      "Łódź Café Çà",
      "Çà, ü, ñ",
      "€",
      "Factura",
      "Fecha de emisión: 22/11/2026",
      "Vencimiento: 22/12/2026",
      "Base imponible",
      "IRPF −15 %",
      "Pagar por transferencia a",
      "IBAN: ES91 2100 0418 4502 0005 1332",
      "BIC: CAIXESBBXXX",
      "Página 1 de 1",
      plain(formatMoney(data.totals.totalMinor, "EUR", "es-ES")),
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Invoice");
  });

  it("uses English labels and formats", async () => {
    const data = buildSampleInvoice({ locale: "en", paidMinor: 1000 });
    const { text } = await readPdf(await renderInvoicePdf(data));
    for (const expected of [
      "Invoice",
      "Issue date: 22 Nov 2026",
      "Due date: 22 Dec 2026",
      "Bill to".toUpperCase(),
      "Pay by bank transfer to",
      "Paid",
      "Amount due",
      "Page 1 of 1",
      formatMoney(data.totals.totalMinor, "EUR", "en-GB"),
      formatMoney(data.totals.dueMinor, "EUR", "en-GB"),
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Factura");
  });

  it("breaks a 120-line invoice over pages with repeated headers and page numbers", async () => {
    const data = buildSampleInvoice({ lineCount: 120 });
    const { text, pages } = await readPdf(await renderInvoicePdf(data));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(count(text, "Concepto Cantidad Precio")).toBe(pages);
    expect(text).toContain(`Página 1 de ${pages}`);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    expect(count(text, plain(formatMoney(data.totals.totalMinor, "EUR", "es-ES")))).toBe(1);
    expect(text).toContain("Diseño gráfico — 1ª fase 118");
  });

  it("splits a description longer than a page and wraps words wider than the column", async () => {
    const data = buildSampleInvoice({ lineCount: 1 });
    const longWord = "X".repeat(150);
    const line = data.lines[0] as InvoicePdfData["lines"][number];
    data.lines = [{ ...line, description: `${longWord}\n${"palabra ".repeat(2000)}FIN` }];
    const { text, pages } = await readPdf(await renderInvoicePdf(data));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text.replace(/\s/g, "")).toContain(longWord);
    expect(text).toContain("FIN");
  });

  it("draws untrusted text literally, without controls or bidi overrides", async () => {
    const data = buildSampleInvoice({ lineCount: 1 });
    data.customer.name = "Evil\u202Egnp.exe\u0000 <b>(x)</b> %PDF";
    data.org.brandColor = "red; drop table";
    const { text } = await readPdf(await renderInvoicePdf(data));
    expect(text).toContain("Evilgnp.exe <b>(x)</b> %PDF");
    expect(text).not.toContain("\u202E");
  });

  it("does not shift dates across time zones", async () => {
    const data = { ...buildSampleInvoice(), timeZone: "Pacific/Kiritimati" };
    const { text } = await readPdf(await renderInvoicePdf(data));
    expect(text).toContain("22/11/2026");
  });

  it("embeds a PNG logo", async () => {
    const data = buildSampleInvoice();
    data.org.logo = { data: tinyPng(), mime: "image/png" };
    const pdf = await renderInvoicePdf(data);
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);
    expect((await readPdf(pdf)).text).toContain("F-2026-0042");
  });

  it("leaves out a broken logo instead of failing or crashing", async () => {
    for (const logo of [
      { data: tinyPng(Buffer.from("not zlib at all")), mime: "image/png" as const },
      { data: tinyPng(deflateSync(Buffer.alloc(18, 9))), mime: "image/png" as const },
      { data: Buffer.from("GIF89a"), mime: "image/png" as const },
      { data: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), mime: "image/jpeg" as const },
    ]) {
      const data = buildSampleInvoice();
      data.org.logo = logo;
      const pdf = await renderInvoicePdf(data);
      expect(pdf.toString("latin1")).not.toMatch(/\/Subtype \/Image/);
    }
  });
  it("asks for the amount due by transfer and prints the EPC QR code beside its caption", async () => {
    const data = buildSampleInvoice({ locale: "es", paidMinor: 1000 });
    const qr = { path: "M4 4h7v1h-7z", size: 29 };
    const { text } = await readPdf(
      await renderInvoicePdf({ ...data, transfer: { amountMinor: data.totals.dueMinor, qr } }),
    );
    for (const expected of [
      "Pagar por transferencia a",
      "IBAN: ES91 2100 0418 4502 0005 1332",
      "Concepto: F-2026-0042",
      `Importe: ${plain(formatMoney(data.totals.dueMinor, "EUR", "es-ES"))}`,
      "Escanea el código",
    ])
      expect(text).toContain(expected);
    const without = (await readPdf(await renderInvoicePdf(data))).text;
    expect(without).toContain("IBAN: ES91 2100 0418 4502 0005 1332");
    expect(without).not.toContain("Importe:");
    expect(without).not.toContain("Escanea");
  });
});
