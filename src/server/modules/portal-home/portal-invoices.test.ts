import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail, PortalInvoiceSummary } from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { listAll, makeDocument, onDay, portalGet, recordPayment, signInPrimary } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let customer: Customer;
let cookie: string;
const docs: InvoiceDetail[] = [];
const today = testToday();
const AMOUNTS = [10_000, 20_000, 30_000];

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Keyset Org");
  customer = await buildCustomer(ctx, org, "Many Invoices");
  const id = customer.id;
  // Three issue days, three amounts: plenty of ties on date, due date and amount.
  for (const [d, day] of [addDays(today, -60), addDays(today, -10), today].entries()) {
    await onDay(ctx, org, day, async () => {
      for (let i = 0; i < 12; i++) {
        docs.push(
          await makeDocument(ctx, org, id, {
            amountMinor: AMOUNTS[i % 3] as number,
            // Day 0's invoices fall due 20 days later: overdue now unless paid.
            dueDate: d === 0 ? addDays(day, 20) : null,
            description: i === 5 && d === 1 ? "Annual maintenance of the boiler" : `Work ${d}-${i}`,
            notes: i === 7 && d === 2 ? "Delivered to the warehouse in Zaragoza" : undefined,
          }),
        );
      }
      docs.push(await makeDocument(ctx, org, id, { kind: "retainer", amountMinor: 20_000 }));
      if (d === 2) docs.push(await makeDocument(ctx, org, id, { kind: "credit_note", amountMinor: 5_000 }));
    });
  }
  await makeDocument(ctx, org, id, { amountMinor: 20_000, issue: false }); // a draft: never listed
  // Pay two invoices of the first day in full: no longer overdue.
  for (const inv of docs.slice(0, 2))
    await recordPayment(ctx, org, id, inv.totalMinor, today, [
      { invoiceId: inv.id, amountMinor: inv.totalMinor },
    ]);
  // Another customer's invoice never shows.
  const neighbour = await buildCustomer(ctx, org, "Neighbour");
  await makeDocument(ctx, org, neighbour.id, { amountMinor: 20_000, notes: "Zaragoza too" });
  cookie = await signInPrimary(ctx, org, customer);
});
afterAll(() => ctx.close());

const list = (qs: string) => portalGet(ctx, org, cookie, `/invoices?${qs}`);
const invoicesAndRetainers = () => docs.filter((d) => d.kind !== "credit_note");

describe("keyset pagination", () => {
  const keyOf: Record<"date" | "due" | "amount", (r: PortalInvoiceSummary) => string | number> = {
    date: (r) => r.issueDate,
    due: (r) => r.dueDate ?? "9999-12-31",
    amount: (r) => r.totalMinor,
  };

  for (const sort of ["date", "due", "amount"] as const)
    for (const dir of ["asc", "desc"] as const)
      test(`sort=${sort} dir=${dir}: every invoice exactly once across pages, in order`, async () => {
        const seen: PortalInvoiceSummary[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res = await list(`sort=${sort}&dir=${dir}&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
          expect(res.statusCode, res.body).toBe(200);
          const page = res.json();
          expect(page.items.length).toBeLessThanOrEqual(7);
          seen.push(...page.items);
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 50);
        const expected = invoicesAndRetainers().map((d) => d.id);
        expect(seen).toHaveLength(expected.length);
        expect(new Set(seen.map((r) => r.id))).toEqual(new Set(expected));
        expect(pages).toBe(Math.ceil(expected.length / 7));
        for (let i = 1; i < seen.length; i++) {
          const [a, b] = [seen[i - 1] as PortalInvoiceSummary, seen[i] as PortalInvoiceSummary];
          const [ka, kb] = [keyOf[sort](a), keyOf[sort](b)];
          const cmp = ka === kb ? a.id.localeCompare(b.id) : ka < kb ? -1 : 1;
          expect(dir === "asc" ? cmp : -cmp, `${i}`).toBeLessThan(0);
        }
      });

  test("the default is 25 a page, newest first; the last page has no cursor", async () => {
    const first = (await list("")).json();
    expect(first.items).toHaveLength(25);
    expect(first.items[0].issueDate).toBe(today);
    const second = (await list(`cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(invoicesAndRetainers().length - 25);
    expect(second.nextCursor).toBeNull();
  });

  test("a bad cursor is a clear 400; so is one of another sort, and a limit over 100", async () => {
    const valid = (await list("sort=amount&limit=5")).json().nextCursor as string;
    for (const qs of [
      "cursor=not-a-cursor",
      `cursor=${Buffer.from('{"s":"date","d":"desc","k":"x","i":"y"}').toString("base64url")}`,
      `sort=date&cursor=${valid}`,
      `sort=amount&dir=asc&cursor=${valid}`,
    ]) {
      const res = await list(qs);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().code).toBe("CURSOR_INVALID");
      expect(res.json().detail).toMatch(/first page/);
    }
    expect((await list("limit=101")).statusCode).toBe(400);
  });
});

describe("search and filters", () => {
  test("credit notes only when asked; retainers and invoices by kind", async () => {
    const all = await listAll(ctx, org, cookie, {});
    expect(all.every((r) => r.kind !== "credit_note")).toBe(true);
    expect((await listAll(ctx, org, cookie, { kind: "credit_note" })).map((r) => r.kind)).toEqual([
      "credit_note",
    ]);
    expect(await listAll(ctx, org, cookie, { kind: "retainer" })).toHaveLength(3);
    expect(await listAll(ctx, org, cookie, { kind: "invoice" })).toHaveLength(36);
  });

  test("searches the number, the notes and the lines; never another customer's", async () => {
    const target = docs[20] as InvoiceDetail;
    expect((await listAll(ctx, org, cookie, { q: target.number ?? "" })).map((r) => r.id)).toEqual([
      target.id,
    ]);
    const boiler = await listAll(ctx, org, cookie, { q: "BOILER" });
    expect(boiler.map((r) => r.id)).toEqual([docs[13 + 5]?.id]);
    const zaragoza = await listAll(ctx, org, cookie, { q: "zaragoza" });
    expect(zaragoza).toHaveLength(1);
    expect(await listAll(ctx, org, cookie, { q: "100%" })).toEqual([]);
  });

  test("by status, overdue included", async () => {
    const paid = await listAll(ctx, org, cookie, { status: "paid" });
    expect(paid.map((r) => r.id).sort()).toEqual(
      docs
        .slice(0, 2)
        .map((d) => d.id)
        .sort(),
    );
    const overdue = await listAll(ctx, org, cookie, { status: "overdue" });
    // Day 0: 12 invoices − 2 paid, and its retainer (due after the customer's 30 days of terms).
    expect(overdue).toHaveLength(11);
    expect(overdue.every((r) => r.isOverdue && r.dueMinor > 0)).toBe(true);
    const issued = await listAll(ctx, org, cookie, { status: "issued", kind: "retainer" });
    expect(issued).toHaveLength(3);
  });
});
