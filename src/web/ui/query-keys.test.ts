import { QueryClient } from "@tanstack/react-query";
import { describe, expect, test } from "vitest";
import { documentKeys, isDocumentType, queryKeys } from "./query-keys.js";

describe("the document query keys", () => {
  test("a kind's lists share one prefix and its details another", () => {
    expect(queryKeys.quotes.all).toEqual(["quotes"]);
    expect(queryKeys.quotes.list({ status: "sent" })).toEqual(["quotes", { status: "sent" }]);
    expect(queryKeys.quotes.details).toEqual(["quote"]);
    expect(queryKeys.quotes.detail("q1")).toEqual(["quote", "q1"]);
    expect(queryKeys.salesOrders.list({})).toEqual(["sales-orders", {}]);
    expect(queryKeys.salesOrders.detail("s1")).toEqual(["sales-order", "s1"]);
    expect(queryKeys.invoices.detail("i1")).toEqual(["invoice", "i1"]);
    expect(documentKeys("invoice").all).toEqual(["invoices"]);
  });

  test("live events refresh the keys the pages read", () => {
    for (const type of ["invoice", "quote", "sales_order"] as const) {
      expect(queryKeys.live.list(type)).toEqual(documentKeys(type).all);
      expect(queryKeys.live.document(type, "d1")).toEqual(documentKeys(type).detail("d1"));
    }
    expect(isDocumentType("payment")).toBe(false);
    expect(isDocumentType("toString")).toBe(false);
  });
});

describe("the query-key factory", () => {
  test("keeps the key values the pages, live events and e2e rely on", () => {
    expect(queryKeys.me).toEqual(["me"]);
    expect(queryKeys.branding).toEqual(["branding"]);
    expect(queryKeys.organisation).toEqual(["organisation"]);
    expect(queryKeys.portalSettings).toEqual(["portal-settings"]);
    expect(queryKeys.taxes).toEqual(["taxes"]);
    expect(queryKeys.notifications).toEqual(["notifications"]);
    expect(queryKeys.outbox.all).toEqual(["outbox"]);
    expect(queryKeys.outbox.email("e1")).toEqual(["outbox", "e1"]);
    expect(queryKeys.customers.list("acme")).toEqual(["customers", "acme"]);
    expect(queryKeys.customers.list()).toEqual(["customers", ""]);
    expect(queryKeys.customers.list("", true)).toEqual(["customers", "", "archived"]);
    expect(queryKeys.customer("c1")).toEqual(["customer", "c1"]);
    expect(queryKeys.customerBalances.of("c1")).toEqual(["customer-balances", "c1"]);
    expect(queryKeys.portalAccess.of("c1")).toEqual(["portal-access", "c1"]);
    expect(queryKeys.activity.customer("c1")).toEqual(["portal-activity", "customer", "c1"]);
    expect(queryKeys.activity.document("quote", "q1")).toEqual(["portal-activity", "quote", "q1"]);
    expect(queryKeys.invoices.open("c1")).toEqual(["invoices", "open", "c1"]);
    expect(queryKeys.payments.list({ q: "x" })).toEqual(["payments", { q: "x" }]);
    expect(queryKeys.payments.detail("p1")).toEqual(["payment", "p1"]);
    expect(queryKeys.comments("quote", "q1")).toEqual(["comments", "quote", "q1"]);
    expect(queryKeys.home).toEqual(["home"]);
    expect(queryKeys.purchaseHistory(12)).toEqual(["purchase-history", 12, ""]);
    expect(queryKeys.purchaseHistory(6, "EUR")).toEqual(["purchase-history", 6, "EUR"]);
    expect(queryKeys.myDetails).toEqual(["my-details"]);
    expect(queryKeys.invitation("t")).toEqual(["invitation", "t"]);
    expect(queryKeys.statement({ currency: "EUR" })).toEqual(["statement", { currency: "EUR" }]);
  });

  /** Which of the cached keys one invalidation marks stale, as TanStack matches prefixes. */
  async function staleAfter(invalidate: readonly unknown[], cached: readonly (readonly unknown[])[]) {
    const client = new QueryClient();
    for (const key of cached) client.setQueryData(key, "data");
    await client.invalidateQueries({ queryKey: invalidate });
    return cached.filter((key) => client.getQueryState(key)?.isInvalidated);
  }

  test("a group's prefix refreshes every list, its details prefix every detail, and nothing else", async () => {
    const lists = [queryKeys.quotes.list({}), queryKeys.quotes.list({ status: "sent", q: "x" })];
    const details = [queryKeys.quotes.detail("q1"), queryKeys.quotes.detail("q2")];
    const others = [
      queryKeys.salesOrders.list({}),
      queryKeys.invoices.detail("q1"),
      queryKeys.comments("quote", "q1"),
    ];
    const cached = [...lists, ...details, ...others];
    expect(await staleAfter(queryKeys.quotes.all, cached)).toEqual(lists);
    expect(await staleAfter(queryKeys.quotes.details, cached)).toEqual(details);
    expect(await staleAfter(queryKeys.live.list("quote"), cached)).toEqual(lists);
    expect(await staleAfter(queryKeys.live.document("quote", "q1"), cached)).toEqual([details[0]]);
  });

  test("the invoice lists' prefix also refreshes a customer's open invoices and the portal's pages", async () => {
    const cached = [
      queryKeys.invoices.open("c1"),
      queryKeys.invoices.list({ status: "paid" }),
      queryKeys.invoices.detail("i1"),
    ];
    expect(await staleAfter(queryKeys.invoices.all, cached)).toEqual(cached.slice(0, 2));
  });

  test("customers, payments, outbox and portal access refresh by their prefixes", async () => {
    const customers = [queryKeys.customers.list(), queryKeys.customers.list("a", true)];
    const payments = [queryKeys.payments.list({}), queryKeys.payments.list({ q: "x" })];
    const cached = [...customers, ...payments, queryKeys.outbox.email("e1"), queryKeys.portalAccess.of("c1")];
    expect(await staleAfter(queryKeys.customers.all, cached)).toEqual(customers);
    expect(await staleAfter(queryKeys.payments.all, cached)).toEqual(payments);
    expect(await staleAfter(queryKeys.outbox.all, cached)).toEqual([queryKeys.outbox.email("e1")]);
    expect(await staleAfter(queryKeys.portalAccess.all, cached)).toEqual([queryKeys.portalAccess.of("c1")]);
  });
});
