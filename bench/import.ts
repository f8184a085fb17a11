// CSV import (decision 029): `npx tsx bench/import.ts [rows]`. Imports `rows` (10,000 by default) customer
// rows, then as many invoice rows (each with a line at 21 % and, for every other one, a payment) through
// the import job as the runner runs it (planned in one read, written in short chunks), in an in-memory
// database. Prints rows/s of each kind, the longest chunk transaction (the longest another request waits
// for the connection on PGlite, which serialises transactions), the report, and the peak RSS.
import { performance } from "node:perf_hooks";
import { count, eq } from "drizzle-orm";
import * as clock from "../src/server/clock.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { customers, importJobs, invoices, payments } from "../src/server/db/schema/index.js";
import { withOrg } from "../src/server/db/scope.js";
import { runImportJob } from "../src/server/modules/imports/import-runner.js";
import { createImportJob } from "../src/server/modules/imports/imports.service.js";
import { createOrganisation } from "../src/server/modules/organisation/create-organisation.js";
import { addDays } from "../src/shared/dates.js";

const rows = Number(process.argv[2] ?? 10_000);
const database = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(database);
const { db } = database;
const { orgId, userId } = await createOrganisation(db, {
  name: "Bench Org",
  slug: `bench-${Date.now()}`,
  owner: { email: "bench@example.com", name: "Bench Owner", password: "correct horse battery staple" },
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const today = clock.today("Europe/Madrid");
const customerCsv = [
  "Contact ID;Display Name;Tax ID;EmailID;Billing City;First Name;Last Name;Mobile Phone",
  ...Array.from(
    { length: rows },
    (_, i) =>
      `C-${i};Cliente ${i} S.L.;B${String(i).padStart(8, "0")};cliente${i}@example.com;Madrid;Ana;García ${i};600${i}`,
  ),
].join("\n");
const invoiceCsv = [
  "Invoice Number,Invoice Date,Contact ID,Item Desc,Quantity,Item Price,Item Tax %,Total,Amount Paid,Payment Date",
  ...Array.from({ length: rows }, (_, i) => {
    const date = addDays(today, -400 + Math.floor((i * 365) / rows));
    const [y, m, d] = date.split("-");
    const paid = i % 2 === 0 ? `"1.210,00",${d}/${m}/${y}` : "0,";
    return `A-${i},${d}/${m}/${y},C-${i % rows},Servicio ${i},1,"1.000,00",21,"1.210,00",${paid}`;
  }),
].join("\n");

async function importKind(kind: "customers" | "invoices", csv: string) {
  const job = await createImportJob(db, orgId, userId, { kind, fileName: `${kind}.csv`, csv });
  let longestChunk = 0;
  const started = performance.now();
  await runImportJob(db, orgId, job.id, { onChunk: (ms) => (longestChunk = Math.max(longestChunk, ms)) });
  const ms = performance.now() - started;
  const [row] = await withOrg(db, orgId, (tx) =>
    tx.select().from(importJobs).where(eq(importJobs.id, job.id)),
  );
  if (row?.status !== "done")
    throw new Error(`${kind}: ${row?.status} ${JSON.stringify(row?.report).slice(0, 500)}`);
  console.log(
    `${kind.padEnd(9)} ${rows} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round((rows * 1000) / ms)} rows/s; ` +
      `longest chunk transaction ${longestChunk.toFixed(0)} ms; report ${JSON.stringify({ ...row.report, problems: undefined })}`,
  );
}

await importKind("customers", customerCsv);
await importKind("invoices", invoiceCsv);
const counts = await withOrg(db, orgId, async (tx) => ({
  customers: (await tx.select({ n: count() }).from(customers))[0]?.n,
  invoices: (await tx.select({ n: count() }).from(invoices))[0]?.n,
  payments: (await tx.select({ n: count() }).from(payments))[0]?.n,
}));
clearInterval(sampler);
console.log(`rows written: ${JSON.stringify(counts)}; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
await database.close();
