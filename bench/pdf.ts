// Invoice PDF speed (issue 14): `npx tsx bench/pdf.ts [renders]`. Renders the 20-line sample invoice with
// Portico and, in the same run, a comparable invoice drawn with bare pdfkit (below: the same Noto Sans faces,
// 20 lines in a table, totals, a footer, pdfkit's own text wrapping), alternating one of each so that load on
// the machine hits both alike. Prints the median ms of each and their ratio (goal ≤ 1.5), and a 3-line and a
// 120-line render for scale. The first render (font parsing, JIT warm-up) is reported apart.
import { performance } from "node:perf_hooks";
import PDFDocument from "pdfkit";
import { getFontSet } from "../src/server/pdf/fonts.js";
import { collectPdf } from "../src/server/pdf/pdf-document.js";
import { renderInvoicePdf } from "../src/server/pdf/render-invoice-pdf.js";
import { buildSampleInvoice } from "../src/server/pdf/sample-invoice.js";
import type { InvoicePdfData } from "../src/server/pdf/types.js";
import { formatMoney } from "../src/shared/money/index.js";
import { type ResultRow, writeResult } from "./results.js";

const renders = Number(process.argv[2] ?? 200);

/**
 * The baseline: what a plain pdfkit program draws for the same invoice, with no mixed-font runs, no own
 * layout and no sanitising. It gets the fonts Portico parses once per process (so neither side pays for
 * parsing), and pdfkit's default per-document word cache.
 */
async function bareInvoice(data: InvoicePdfData): Promise<Buffer> {
  const faces = getFontSet().faces;
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    bufferPages: true,
    info: { Title: data.document.number },
  });
  doc.registerFont("regular", faces["regular-latin"].source);
  doc.registerFont("bold", faces["bold-latin"].source);
  const done = collectPdf(doc);
  const money = (minor: number) => formatMoney(minor, data.document.currency, "es-ES");
  const left = 48;
  const width = doc.page.width - 96;
  doc.font("bold").fontSize(11).text(data.org.name, left, 48, { width: 260 });
  doc.font("regular").fontSize(9);
  for (const line of [
    data.org.taxId ?? "",
    ...data.org.addressLines,
    data.org.email ?? "",
    data.org.phone ?? "",
  ])
    doc.text(line, { width: 260 });
  doc
    .font("bold")
    .fontSize(20)
    .text("FACTURA", 330, 48, { width: width - 282, align: "right" });
  doc.fontSize(12).text(data.document.number, { width: width - 282, align: "right" });
  doc.font("regular").fontSize(9);
  doc.text(`Fecha de emisión: ${data.document.issueDate}`, { width: width - 282, align: "right" });
  doc.text(`Vencimiento: ${data.document.dueDate ?? ""}`, { width: width - 282, align: "right" });
  doc.font("bold").fontSize(11).text(data.customer.name, left, 160, { width: 260 });
  doc.font("regular").fontSize(9);
  for (const line of data.customer.addressLines) doc.text(line, { width: 260 });

  const cols = [
    { label: "Descripción", width: width - 314, align: "left" as const },
    { label: "Cantidad", width: 48, align: "right" as const },
    { label: "Precio", width: 70, align: "right" as const },
    { label: "Dto.", width: 42, align: "right" as const },
    { label: "Impuestos", width: 76, align: "left" as const },
    { label: "Importe", width: 78, align: "right" as const },
  ];
  let y = 240;
  doc.rect(left, y, width, 18).fill(data.org.brandColor);
  doc.fillColor("#ffffff").font("bold").fontSize(8);
  let x = left;
  for (const col of cols) {
    doc.text(col.label, x + 4, y + 5, { width: col.width - 8, align: col.align, lineBreak: false });
    x += col.width;
  }
  y += 18;
  doc.fillColor("#222222").font("regular").fontSize(9);
  for (const line of data.lines) {
    const cells = [
      line.description,
      String(line.quantityMilli / 1000),
      money(line.unitPriceMinor),
      `${line.discountBp / 100} %`,
      line.taxLabels.join(", "),
      money(line.netMinor),
    ];
    const height = Math.max(
      ...cells.map((c, i) => doc.heightOfString(c, { width: (cols[i]?.width ?? 0) - 8 })),
    );
    if (y + height + 8 > doc.page.height - 80) {
      doc.addPage();
      y = 48;
    }
    x = left;
    cells.forEach((cell, i) => {
      const col = cols[i] ?? cols[0];
      if (!col) return;
      doc.fontSize(i === 4 ? 8 : 9).text(cell, x + 4, y + 4, { width: col.width - 8, align: col.align });
      x += col.width;
    });
    y += height + 8;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.6)
      .strokeColor("#d9d9d9")
      .stroke();
  }
  y += 12;
  const totals: [string, string][] = [
    ["Base imponible", money(data.totals.netMinor)],
    ...data.totals.taxes.map((t): [string, string] => [t.label, money(t.amountMinor)]),
    ["Total", money(data.totals.totalMinor)],
  ];
  for (const [label, value] of totals) {
    doc.font(label === "Total" ? "bold" : "regular").fontSize(label === "Total" ? 12 : 9);
    doc.text(label, left + width - 240, y, { width: 160 });
    doc.text(value, left + width - 240, y, { width: 240, align: "right" });
    y += doc.currentLineHeight(true) + 3;
  }
  doc
    .font("regular")
    .fontSize(9)
    .text(`Pago por transferencia: ${data.org.iban ?? ""}`, left, y + 12, { width: 250 });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.fontSize(8).fillColor("#6b6b6b");
    doc.text(`${data.org.name} · ${data.document.number}`, left, doc.page.height - 58, { lineBreak: false });
    doc.text(`Página ${i + 1} de ${range.count}`, left, doc.page.height - 58, {
      width,
      align: "right",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

const median = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Renders each in turn, `count` times, after one untimed render; returns the median ms of each. */
async function compare(
  count: number,
  ...renderers: (() => Promise<Buffer>)[]
): Promise<{ ms: number; first: number; bytes: number }[]> {
  const firsts: { first: number; bytes: number }[] = [];
  for (const render of renderers) {
    const start = performance.now();
    const pdf = await render();
    firsts.push({ first: performance.now() - start, bytes: pdf.length });
  }
  const times = renderers.map((): number[] => []);
  for (let i = 0; i < count; i++) {
    for (const [r, render] of renderers.entries()) {
      const start = performance.now();
      await render();
      times[r]?.push(performance.now() - start);
    }
  }
  return times.map((t, r) => ({ ms: median(t), first: firsts[r]?.first ?? 0, bytes: firsts[r]?.bytes ?? 0 }));
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const invoice20 = buildSampleInvoice({ lineCount: 20 });
const [portico, bare] = await compare(
  renders,
  () => renderInvoicePdf(invoice20),
  () => bareInvoice(invoice20),
);
if (!portico || !bare) throw new Error("nothing measured");
const ratio = portico.ms / bare.ms;
console.log(
  `20 lines, ${renders} renders each, alternating: Portico median ${portico.ms.toFixed(2)} ms (first ${portico.first.toFixed(0)} ms, ` +
    `${kib(portico.bytes)}), bare pdfkit ${bare.ms.toFixed(2)} ms (first ${bare.first.toFixed(0)} ms, ${kib(bare.bytes)}); ` +
    `ratio ${ratio.toFixed(2)} (goal ≤ 1.5)`,
);
for (const lineCount of [3, 120]) {
  const data = buildSampleInvoice({ lineCount });
  const [one] = await compare(Math.max(5, Math.round(renders / (lineCount > 20 ? 10 : 1))), () =>
    renderInvoicePdf(data),
  );
  console.log(`${lineCount} lines: median ${one?.ms.toFixed(2)} ms, ${kib(one?.bytes ?? 0)}`);
}

const rows: ResultRow[] = [
  {
    measure: "invoice PDF, 20 lines ÷ bare pdfkit drawing a comparable invoice",
    value: Number(portico.ms.toFixed(2)),
    baseline: Number(bare.ms.toFixed(2)),
    ratio: Number(ratio.toFixed(2)),
    goal: "<= 1.5",
    unit: "ms",
  },
];
writeResult("pdf", rows);
