import type { SalesOrderDetail } from "../../../shared/contracts/index.js";
import type { TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

export const staffApi =
  (ctx: TestContext, org: TestOrg) => (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie: org.cookie },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

/** A draft sales order (two lines by default), confirmed when asked. */
export async function buildSalesOrder(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  opts: {
    confirm?: boolean;
    reference?: string;
    lines?: { description: string; quantityMilli: number; unitPriceMinor: number; discountBp?: number }[];
  } = {},
): Promise<SalesOrderDetail> {
  const api = staffApi(ctx, org);
  const res = await api("POST", "/api/sales-orders", {
    customerId,
    ...(opts.reference ? { reference: opts.reference } : {}),
    lines: opts.lines ?? [
      { description: "Chairs", quantityMilli: 10_000, unitPriceMinor: 4500 },
      { description: "Assembly", quantityMilli: 2500, unitPriceMinor: 3000, discountBp: 1000 },
    ],
  });
  if (res.statusCode !== 201) throw new Error(`sales order: ${res.statusCode} ${res.body}`);
  if (!opts.confirm) return res.json();
  const confirmed = await api("POST", `/api/sales-orders/${res.json().id}/confirm`);
  if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
  return confirmed.json();
}
