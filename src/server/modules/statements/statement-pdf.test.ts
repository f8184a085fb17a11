import { PDFParse } from "pdf-parse";
import { expect, test } from "vitest";
import type { StatementLine } from "../../../shared/contracts/index.js";
import { formatMoney } from "../../../shared/money/index.js";
import { StatementPdf } from "../../pdf/statement/statement-pdf.js";

const collect = async (doc: PDFKit.PDFDocument) => {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

test("a long statement runs over pages that repeat the column headers, with every line readable", async () => {
  const pdf = new StatementPdf({
    locale: "en",
    timeZone: "Europe/Madrid",
    org: { name: "Pages Org", addressLines: [], brandColor: "#1f4e79" },
    customer: { name: "Many Lines Ltd", addressLines: ["1 Long Street"] },
    currency: "EUR",
    from: "2026-01-01",
    to: "2026-06-30",
    today: "2026-11-23",
    openingBalanceMinor: 1_000,
  });
  const done = collect(pdf.doc);
  pdf.begin();
  let balance = 1_000;
  const lines: StatementLine[] = Array.from({ length: 240 }, (_, i) => {
    const amountMinor = i % 3 === 2 ? -(500 + i) : 1_000 + i;
    balance += amountMinor;
    return {
      id: crypto.randomUUID(),
      type: amountMinor < 0 ? "payment" : "invoice",
      date: `2026-0${1 + (i % 6)}-1${i % 10}`,
      number: `${amountMinor < 0 ? "RC" : "F"}2026-${String(i).padStart(4, "0")}`,
      dueDate: amountMinor < 0 ? null : "2026-07-31",
      correctsNumber: null,
      method: amountMinor < 0 ? "cash" : null,
      reference: null,
      amountMinor,
      balanceMinor: balance,
    };
  });
  for (let i = 0; i < lines.length; i += 50) pdf.addLines(lines.slice(i, i + 50));
  pdf.finish({
    lineCount: lines.length,
    chargesMinor: lines.reduce((s, l) => s + Math.max(0, l.amountMinor), 0),
    creditsMinor: lines.reduce((s, l) => s + Math.max(0, -l.amountMinor), 0),
    closingBalanceMinor: balance,
    aging: {
      currentMinor: 0,
      days1to30Minor: 0,
      days31to60Minor: 0,
      days61to90Minor: 0,
      over90Minor: 0,
      totalMinor: 0,
    },
    reconciliation: { invoicesDueMinor: 0, creditAvailableMinor: -balance, balanceMinor: balance },
  });
  const parsed = await new PDFParse({ data: await done }).getText();
  const text = parsed.text;
  expect(parsed.total).toBeGreaterThan(3);
  expect(text).toContain(`Page ${parsed.total}`);
  expect(text.match(/Date Document Description Charges Credits Balance/g)?.length).toBe(parsed.total);
  for (const l of lines) expect(text).toContain(l.number as string);
  expect(text).toContain(`Closing balance ${formatMoney(balance, "EUR", "en-GB")}`);
});
