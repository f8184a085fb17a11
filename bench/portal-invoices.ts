// Portal invoice list (E3) with keyset pages: `npx tsx bench/portal-invoices.ts [repeats]`.
// One customer with 5,000 invoices and one with 500: the time of the first page and of a page deep in
// the list (reached by following the cursors), per sort, through the HTTP API (app.inject, PGlite in
// memory, the contact's RLS scope). Keyset pages should cost about the same wherever they are.
import { performance } from "node:perf_hooks";
import { invoiceLines, invoices } from "../src/server/db/schema/index.js";
import { withOrg } from "../src/server/db/scope.js";
import { defaultSeriesId } from "../src/server/modules/documents/numbering.js";
import { GOOD_PASSWORD, login, setPassword } from "../src/server/modules/portal-auth/test-helpers.js";
import { buildCustomer, buildOrg, type TestOrg } from "../src/server/test/factories.js";
import { createTestContext, type TestContext } from "../src/server/test/harness.js";

const repeats = Number(process.argv[2] ?? 20);
const PAGE = 25;

/**
 * Issued documents written straight to the table: issuing 5,500 through the API (numbering, snapshots)
 * would take minutes and is not what is measured. Dates spread over ~4 years, amounts repeat (ties).
 */
async function seedInvoices(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  count: number,
  offset: number,
) {
  await withOrg(ctx.database.db, org.orgId, async (tx) => {
    const seriesId = await defaultSeriesId(tx, "invoice");
    for (let start = 0; start < count; start += 500) {
      const rows = Array.from({ length: Math.min(500, count - start) }, (_, j) => {
        const i = start + j;
        const day = new Date(Date.UTC(2023, 0, 1) + (i % 1400) * 86_400_000).toISOString().slice(0, 10);
        const total = 1_000 * ((i % 37) + 1);
        const paid = i % 3 === 0 ? total : 0;
        return {
          orgId: org.orgId,
          customerId,
          kind: (i % 10 === 0 ? "retainer" : "invoice") as "invoice" | "retainer",
          seriesId,
          number: `B${offset + i}`,
          year: 9000 + offset,
          sequence: i + 1,
          status: (paid ? "paid" : "sent") as "paid" | "sent",
          issueDate: day,
          dueDate: day,
          currency: "EUR",
          netMinor: total,
          totalMinor: total,
          subtotalMinor: total,
          paidMinor: paid,
          issuedAt: new Date(),
        };
      });
      const inserted = await tx.insert(invoices).values(rows).returning({ id: invoices.id });
      await tx.insert(invoiceLines).values(
        inserted.map((r, j) => ({
          orgId: org.orgId,
          customerId,
          invoiceId: r.id,
          position: 0,
          description: `Service ${start + j}`,
          quantityMilli: 1000,
          unitPriceMinor: rows[j]?.totalMinor ?? 0,
          netMinor: rows[j]?.totalMinor ?? 0,
          totalMinor: rows[j]?.totalMinor ?? 0,
        })),
      );
    }
  });
}

async function contactCookie(ctx: TestContext, org: TestOrg, name: string, count: number, offset: number) {
  const customer = await buildCustomer(ctx, org, name);
  await seedInvoices(ctx, org, customer.id, count, offset);
  const contact = customer.contacts[0];
  if (!contact?.email) throw new Error("no contact");
  await setPassword(ctx, org, contact.id, GOOD_PASSWORD);
  return (await login(ctx, org, contact.email, GOOD_PASSWORD)).cookie;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function main() {
  const ctx = await createTestContext();
  const org = await buildOrg(ctx, "Bench Org");
  const seedStart = performance.now();
  const customers: [string, string][] = [
    ["500", await contactCookie(ctx, org, "Small Customer", 500, 1)],
    ["5,000", await contactCookie(ctx, org, "Big Customer", 5_000, 0)],
  ];
  console.log(`seeded 5,500 invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const get = async (cookie: string, qs: string) => {
    const res = await ctx.app.inject({ url: `/api/portal/${org.slug}/invoices?${qs}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as { items: unknown[]; nextCursor: string | null };
  };
  // What any portal request costs here (session, scope, JSON), to read the figures below against.
  const me: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    await ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie: customers[0]?.[1] ?? "" } });
    me.push(performance.now() - t);
  }
  console.log(`baseline GET /me ${median(me).toFixed(1)} ms (median of ${repeats})`);
  for (const [label, cookie] of customers) {
    for (const sort of ["date", "due", "amount"]) {
      const base = `sort=${sort}&dir=desc&limit=${PAGE}`;
      // Walk the cursors to the page 80% of the way down (the 4,000th invoice of 5,000).
      const total = label === "500" ? 450 : 4_500; // invoices + retainers listed by default
      const depth = Math.floor((total * 0.8) / PAGE);
      let cursor: string | null = null;
      for (let i = 0; i < depth; i++)
        cursor = (await get(cookie, `${base}${cursor ? `&cursor=${cursor}` : ""}`)).nextCursor;
      const deepQs = `${base}&cursor=${cursor}`;
      const first: number[] = [];
      const deep: number[] = [];
      for (let r = 0; r < repeats; r++) {
        let t = performance.now();
        await get(cookie, base);
        first.push(performance.now() - t);
        t = performance.now();
        const page = await get(cookie, deepQs);
        deep.push(performance.now() - t);
        if (page.items.length !== PAGE) throw new Error("the deep page is short");
      }
      console.log(
        `${label.padStart(5)} invoices, sort=${sort.padEnd(6)} first page ${median(first).toFixed(1).padStart(6)} ms, ` +
          `page ${depth + 1} ${median(deep).toFixed(1).padStart(6)} ms (median of ${repeats})`,
      );
    }
  }
  await ctx.close();
}

await main();
