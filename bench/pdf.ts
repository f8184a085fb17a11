// Invoice PDF throughput: `npx tsx bench/pdf.ts [renders]`. Prints ms per invoice for a typical
// 3-line invoice and a 120-line one; the first render (font parsing, JIT warm-up) is reported apart.
import { performance } from "node:perf_hooks";
import { renderInvoicePdf } from "../src/server/pdf/render-invoice-pdf.js";
import { buildSampleInvoice } from "../src/server/pdf/sample-invoice.js";

const renders = Number(process.argv[2] ?? 200);

async function measure(label: string, lineCount: number, count: number): Promise<void> {
  const data = buildSampleInvoice({ lineCount });
  const coldStart = performance.now();
  const first = await renderInvoicePdf(data);
  const cold = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await renderInvoicePdf(data);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;
  console.log(
    `${label}: ${count} renders, mean ${mean.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ` +
      `first ${cold.toFixed(1)} ms, ${(first.length / 1024).toFixed(1)} KiB`,
  );
}

await measure("3 lines", 3, renders);
await measure("120 lines", 120, Math.max(1, Math.round(renders / 10)));
