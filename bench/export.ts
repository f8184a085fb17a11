// List export (issue 19, decision 059): `npx tsx bench/export.ts [rows]`. Builds an organisation with `rows`
// invoices (50,000 by default; one customer holds a tenth of them) in an in-memory database and streams the
// invoice list's export, CSV and XLSX, of all of them and of the small customer's tenth, to a sink that
// only counts bytes. Prints the time of each, and how much heap is held while streaming: the heap's highest
// above a fresh collection within each 64 KiB written, highest over the file. A streamed export holds one
// batch of rows and the writer's buffers, so the long export's highest ÷ the short one's stays near 1
// (goal ≤ 1.25), where an export built in memory grows with the rows (~10×). RSS is printed beside it.
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { and, eq, sql } from "drizzle-orm";
import * as clock from "../src/server/clock.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { customers, invoices, numberSeries } from "../src/server/db/schema/index.js";
import { withOrg } from "../src/server/db/scope.js";
import { startExport } from "../src/server/modules/exports/export.service.js";
import { invoiceExport, invoiceExportQuery } from "../src/server/modules/exports/export-lists.js";
import type { ExportFormat } from "../src/server/modules/exports/export-writer.js";
import { createOrganisation } from "../src/server/modules/organisation/create-organisation.js";
import { addDays } from "../src/shared/dates.js";
import { writeResult } from "./results.js";

const total = Number(process.argv[2] ?? 50_000);
const small = Math.round(total / 10);
v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const database = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(database);
const { db } = database;
const { orgId } = await createOrganisation(db, {
  name: "Bench Export Org",
  slug: `bench-export-${Date.now()}`,
  owner: { email: "bench-export@example.com", name: "Bench Owner", password: "correct horse battery staple" },
});
const today = clock.today("Europe/Madrid");
let sequences = 0;

/** A customer with `count` issued invoices over two years, written in bulk (the API would take minutes). */
async function buildCustomer(name: string, count: number): Promise<string> {
  return withOrg(db, orgId, async (tx) => {
    const [customer] = await tx.insert(customers).values({ orgId, name, currency: "EUR" }).returning();
    const [series] = await tx
      .select()
      .from(numberSeries)
      .where(and(eq(numberSeries.documentType, "invoice"), eq(numberSeries.isDefault, true)));
    const customerId = customer?.id as string;
    for (let from = 0; from < count; from += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - from) }, (_, j) => {
        const i = from + j;
        const date = addDays(today, -Math.floor((i * 730) / count));
        const totalMinor = 10_000 + (i % 313) * 37;
        return {
          orgId,
          customerId,
          seriesId: series?.id as string,
          number: `FB-${String(sequences).padStart(6, "0")}`,
          year: 2000,
          sequence: sequences++,
          status: "issued" as const,
          issueDate: date,
          dueDate: addDays(date, 30),
          currency: "EUR",
          subtotalMinor: totalMinor,
          netMinor: totalMinor,
          totalMinor,
          paidMinor: i % 3 === 0 ? totalMinor : 0,
        };
      });
      await tx.insert(invoices).values(rows);
    }
    return customerId;
  });
}

interface Figures {
  rows: number;
  bytes: number;
  ms: number;
  /** Heap held above a fresh collection, highest within each 64 KiB written. */
  windows: number[];
  /** The highest RSS seen while streaming, above the RSS at the start. */
  rssGrowth: number;
}

async function measure(
  format: ExportFormat,
  customerId: string | undefined,
  sampleMemory: boolean,
): Promise<Figures> {
  gc();
  const base = process.memoryUsage().heapUsed;
  const rssBase = process.memoryUsage().rss;
  let peak = base;
  let rssPeak = rssBase;
  const windows: number[] = [];
  const sampleNow = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  };
  const sample = sampleMemory ? setInterval(sampleNow, 5) : undefined;
  let bytes = 0;
  let nextCheck = 64 * 1024;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (sampleMemory) {
        sampleNow();
        if (bytes >= nextCheck) {
          nextCheck = bytes + 64 * 1024;
          windows.push(peak - base);
          gc();
          peak = process.memoryUsage().heapUsed;
        }
      }
      done();
    },
  });
  const start = performance.now();
  const query = invoiceExportQuery.parse({ format, ...(customerId ? { customerId } : {}) });
  const file = await startExport(db, orgId, (day) => invoiceExport(orgId, query, day), format, "en");
  await pipeline(file.stream, sink);
  const ms = performance.now() - start;
  clearInterval(sample);
  if (sampleMemory) windows.push(peak - base);
  return { rows: file.rows, bytes, ms, windows, rssGrowth: rssPeak - rssBase };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const smallCustomer = await buildCustomer("Small Export Ltd", small);
await buildCustomer("Large Export Ltd", total - small);
await db.execute(sql`vacuum analyze`);

const rows = [];
const details: Record<string, unknown> = {};
for (const format of ["csv", "xlsx"] as const) {
  await measure(format, smallCustomer, false); // warm-up
  const longTimed = await measure(format, undefined, false);
  const a = await measure(format, smallCustomer, true);
  const b = await measure(format, undefined, true);
  // The highest stretch, not the median: exceljs's zip comes out in bursts, so most 64 KiB stretches of an
  // XLSX see no rows written at all, and a median of them says nothing.
  const growth = Math.max(...b.windows) / Math.max(...a.windows);
  console.log(
    `${format.toUpperCase()}: ${longTimed.rows.toLocaleString("en")} rows, ${mib(longTimed.bytes)} in ${(longTimed.ms / 1000).toFixed(2)} s; ` +
      `heap held while streaming, highest ${small.toLocaleString("en")} rows +${mib(Math.max(...a.windows))}, ` +
      `${total.toLocaleString("en")} rows +${mib(Math.max(...b.windows))} (medians +${mib(median(a.windows))}, +${mib(median(b.windows))}); ` +
      `growth ${growth.toFixed(2)} (goal ≤ 1.25); RSS +${mib(a.rssGrowth)} → +${mib(b.rssGrowth)}`,
  );
  rows.push({
    measure: `${format.toUpperCase()} export heap while streaming, ${total.toLocaleString("en")} ÷ ${small.toLocaleString("en")} rows`,
    value: Math.max(...b.windows),
    baseline: Math.max(...a.windows),
    ratio: Number(growth.toFixed(2)),
    goal: "<= 1.25",
    unit: "bytes",
  });
  details[format] = {
    seconds: Number((longTimed.ms / 1000).toFixed(2)),
    bytes: longTimed.bytes,
    rssGrowthShort: a.rssGrowth,
    rssGrowthLong: b.rssGrowth,
  };
}
writeResult("export", rows, details);
await database.close();
