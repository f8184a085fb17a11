// Statement PDF streaming: `npx tsx bench/statement-pdf.ts [lines]`. Builds a customer with 1,000 and one
// with `lines` (10,000 by default) statement lines in an in-memory database, streams each statement PDF to
// a sink that only counts bytes and pages, and prints time, size and how much memory grew meanwhile. A
// streamed statement holds one batch of lines and one page at a time, so the growth of the long run should
// be close to the short one's (a ratio near 1), where a buffered PDF would grow with the line count.
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
  rssGrowth: number;
  heapGrowth: number;
  /** The most the heap held after a full collection, sampled every 100 KiB written: what is retained. */
  retainedGrowth: number;
}

async function measure(customerId: string, lines: number): Promise<Figures> {
  gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampleNow = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sample = setInterval(sampleNow, 5);
  let bytes = 0;
  let pages = 0;
  let retained = base.heapUsed;
  let nextCheck = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      sampleNow();
      if (bytes >= nextCheck) {
        nextCheck = bytes + 100 * 1024;
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed);
      }
      // Page objects are written uncompressed ("/Type /Page", never "/Pages").
      pages += chunk.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
      done();
    },
  });
  const start = performance.now();
  const { stream } = await streamStatementPdf(staffScope(db, orgId, customerId), { from, to: today }, "en");
  await pipeline(stream, sink);
  const ms = performance.now() - start;
  clearInterval(sample);
  return {
    lines,
    pages,
    bytes,
    ms,
    rssGrowth: peakRss - base.rss,
    heapGrowth: peakHeap - base.heapUsed,
    retainedGrowth: retained - base.heapUsed,
  };
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const print = (f: Figures) =>
  console.log(
    `${String(f.lines).padStart(6)} lines: ${f.pages} pages, ${(f.bytes / 1024).toFixed(0)} KiB in ${f.ms.toFixed(0)} ms; ` +
      `peak RSS +${mib(f.rssGrowth)}, peak heapUsed +${mib(f.heapGrowth)}, retained heap +${mib(f.retainedGrowth)}`,
  );

const short = await buildCustomer("Short Statement Ltd", 1_000);
const long = await buildCustomer("Long Statement Ltd", longRun);
// Warm-up: fonts parsed, code compiled, and the process-wide word-width cache of src/server/pdf/text.ts
// (bounded at 50,000 entries) filled, so the runs below show what one statement itself holds.
await measure(short, 1_000);
await measure(long, longRun);
const a = await measure(short, 1_000);
const b = await measure(long, longRun);
const jsonStart = performance.now();
await getStatement(staffScope(db, orgId, long), { from, to: today });
const jsonMs = performance.now() - jsonStart;
print(a);
print(b);
console.log(`the same ${longRun} lines as JSON (database reads only, no PDF): ${jsonMs.toFixed(0)} ms`);
console.log(
  `growth ratio ${longRun} / 1000 lines: peak heapUsed ${(b.heapGrowth / a.heapGrowth).toFixed(2)} ` +
    `(near 1 = streaming; ~${longRun / 1000} = buffered); retained heap +${mib(b.retainedGrowth)} vs ` +
    `+${mib(a.retainedGrowth)}: pdfkit keeps one small reference per page for the page tree it writes last`,
);
await database.close();
