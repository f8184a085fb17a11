// Statement PDF (issue 14): `npx tsx bench/statement-pdf.ts [lines]`. Builds a customer with 1,000 and one
// with `lines` (10,000 by default) statement lines in an in-memory database and streams each statement PDF
// to a sink that only counts bytes and pages. Prints the time of the long PDF (goal ≤ 1 s) beside the time
// of the same statement as JSON in the same run (the database reads alone), and how much the heap grew
// while each PDF streamed: a streamed statement holds one batch of lines and one page at a time, so the
// long run's growth ÷ the short run's stays near 1 (goal ≤ 1.25), where a buffered PDF would grow ~10×.
// Times are taken on runs without the memory sampling (which forces garbage collections).
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { and, eq } from "drizzle-orm";
import * as clock from "../src/server/clock.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { customers, invoices, numberSeries, payments } from "../src/server/db/schema/index.js";
import { withOrg } from "../src/server/db/scope.js";
import { createOrganisation } from "../src/server/modules/organisation/create-organisation.js";
import { getStatement } from "../src/server/modules/statements/statement.service.js";
import { staffScope } from "../src/server/modules/statements/statement-head.js";
import { streamStatementPdf } from "../src/server/modules/statements/statement-stream.js";
import { addDays } from "../src/shared/dates.js";
import { writeResult } from "./results.js";

const longRun = Number(process.argv[2] ?? 10_000);
v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const database = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(database);
const { db } = database;
const { orgId } = await createOrganisation(db, {
  name: "Bench Org",
  slug: `bench-${Date.now()}`,
  owner: { email: "bench@example.com", name: "Bench Owner", password: "correct horse battery staple" },
});
const today = clock.today("Europe/Madrid");
const from = addDays(today, -800);

/**
 * A customer with `count` statement lines over two years: six invoices, three payments and one credit
 * note in every ten, written in bulk (a bench may write rows; the API would take minutes).
 */
let sequences = 0;

async function buildCustomer(name: string, count: number): Promise<string> {
  return withOrg(db, orgId, async (tx) => {
    const [customer] = await tx.insert(customers).values({ orgId, name, currency: "EUR" }).returning();
    const series = async (type: "invoice" | "credit_note") => {
      const [row] = await tx
        .select()
        .from(numberSeries)
        .where(and(eq(numberSeries.documentType, type), eq(numberSeries.isDefault, true)));
      return row?.id as string;
    };
    const invoiceSeries = await series("invoice");
    const creditSeries = await series("credit_note");
    const customerId = customer?.id as string;
    const docs: (typeof invoices.$inferInsert)[] = [];
    const pays: (typeof payments.$inferInsert)[] = [];
    for (let i = 0; i < count; i++) {
      const date = addDays(today, -Math.floor((i * 730) / count));
      const kind = i % 10;
      if (kind <= 5 || kind === 9) {
        const credit = kind === 9;
        const total = credit ? 2_500 + (i % 97) * 10 : 10_000 + (i % 313) * 37;
        docs.push({
          orgId,
          customerId,
          kind: credit ? "credit_note" : "invoice",
          seriesId: credit ? creditSeries : invoiceSeries,
          number: `${credit ? "R" : "F"}B-${String(sequences).padStart(6, "0")}`,
          year: 2000,
          sequence: sequences++,
          status: "issued",
          issueDate: date,
          dueDate: credit ? null : addDays(date, 30),
          currency: "EUR",
          subtotalMinor: total,
          netMinor: total,
          totalMinor: total,
        });
      } else {
        pays.push({
          orgId,
          customerId,
          number: `RCB-${String(sequences++).padStart(6, "0")}`,
          amountMinor: 9_000 + (i % 211) * 41,
          currency: "EUR",
          method: "transfer",
          paidOn: date,
          reference: `Transfer ${i}`,
        });
      }
    }
    for (let i = 0; i < docs.length; i += 1000) await tx.insert(invoices).values(docs.slice(i, i + 1000));
    for (let i = 0; i < pays.length; i += 1000) await tx.insert(payments).values(pays.slice(i, i + 1000));
    return customerId;
  });
}

interface Figures {
  lines: number;
  pages: number;
  bytes: number;
  ms: number;
  /** CPU time of the process meanwhile (PGlite runs in it too): steadier than wall time on a busy machine. */
  cpuMs: number;
  /**
   * Heap in use above the start, at its highest within each 100 KiB of PDF written (a full collection
   * starts each stretch): the median stretch is what streaming holds at a time, and it should not depend
   * on the statement's length. The highest stretch is printed too.
   */
  windows: number[];
  /** The most the heap held right after a full collection: what stays. */
  retainedGrowth: number;
}

async function measure(customerId: string, lines: number, sampleMemory: boolean): Promise<Figures> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const windows: number[] = [];
  const sampleNow = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const sample = sampleMemory ? setInterval(sampleNow, 5) : undefined;
  let bytes = 0;
  let pages = 0;
  let retained = base;
  let nextCheck = 100 * 1024;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (sampleMemory) {
        sampleNow();
        if (bytes >= nextCheck) {
          nextCheck = bytes + 100 * 1024;
          windows.push(peak - base);
          gc();
          peak = process.memoryUsage().heapUsed;
          retained = Math.max(retained, peak);
        }
      }
      // Page objects are written uncompressed ("/Type /Page", never "/Pages").
      pages += chunk.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
      done();
    },
  });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const { stream } = await streamStatementPdf(staffScope(db, orgId, customerId), { from, to: today }, "en");
  await pipeline(stream, sink);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sample);
  if (sampleMemory) windows.push(peak - base);
  return {
    lines,
    pages,
    bytes,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    windows,
    retainedGrowth: retained - base,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const short = await buildCustomer("Short Statement Ltd", 1_000);
const long = await buildCustomer("Long Statement Ltd", longRun);
// Warm-up: fonts parsed, code compiled, the process-wide caches of shaped words filled.
await measure(short, 1_000, false);
await measure(long, longRun, false);
// Time: PDF and JSON alternately, three of each, medians.
const pdfTimes: number[] = [];
const pdfCpu: number[] = [];
const jsonTimes: number[] = [];
const jsonCpu: number[] = [];
let timed: Figures | undefined;
for (let i = 0; i < 3; i++) {
  timed = await measure(long, longRun, false);
  pdfTimes.push(timed.ms);
  pdfCpu.push(timed.cpuMs);
  const cpuStart = process.cpuUsage();
  const jsonStart = performance.now();
  await getStatement(staffScope(db, orgId, long), { from, to: today });
  jsonTimes.push(performance.now() - jsonStart);
  const cpu = process.cpuUsage(cpuStart);
  jsonCpu.push((cpu.user + cpu.system) / 1000);
}
const pdfMs = median(pdfTimes);
const jsonMs = median(jsonTimes);
const a = await measure(short, 1_000, true);
const b = await measure(long, longRun, true);
const growth = median(b.windows) / median(a.windows);
console.log(
  `${longRun} lines: ${timed?.pages} pages, ${((timed?.bytes ?? 0) / 1024).toFixed(0)} KiB; PDF median ${pdfMs.toFixed(0)} ms ` +
    `(CPU ${median(pdfCpu).toFixed(0)} ms; goal ≤ 1000 ms), the same statement as JSON ${jsonMs.toFixed(0)} ms ` +
    `(CPU ${median(jsonCpu).toFixed(0)} ms); PDF ÷ JSON ${(pdfMs / jsonMs).toFixed(2)}`,
);
for (const f of [a, b])
  console.log(
    `${String(f.lines).padStart(6)} lines: heap held while streaming, median of ${f.windows.length} stretches ` +
      `+${mib(median(f.windows))} (highest +${mib(Math.max(...f.windows))}), retained after GC +${mib(f.retainedGrowth)}`,
  );
console.log(
  `memory growth ${longRun} ÷ 1000 lines: ${growth.toFixed(2)} (goal ≤ 1.25; ~${longRun / 1000} = buffered); pdfkit keeps ` +
    "one small reference per page for the page tree it writes last",
);
writeResult("statement-pdf", [
  {
    measure: `statement PDF, ${longRun.toLocaleString("en")} lines (JSON of the same: ${(jsonMs / 1000).toFixed(2)} s)`,
    value: Number((pdfMs / 1000).toFixed(3)),
    baseline: null,
    ratio: Number((pdfMs / 1000).toFixed(3)),
    goal: "<= 1",
    unit: "s",
  },
  {
    measure: `statement PDF memory held while streaming, ${longRun.toLocaleString("en")} ÷ 1,000 lines`,
    value: Number((median(b.windows) / 1024 / 1024).toFixed(1)),
    baseline: Number((median(a.windows) / 1024 / 1024).toFixed(1)),
    ratio: Number(growth.toFixed(2)),
    goal: "<= 1.25",
    unit: "MiB",
  },
]);
await database.close();
