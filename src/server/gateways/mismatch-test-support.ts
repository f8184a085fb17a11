import type { TestOrg } from "../test/factories.js";
import type { TestContext } from "../test/harness.js";

/**
 * Test support of the providers' journeys (decision 024): the staff notifications of payment events
 * whose amount or currency was not their checkout's, as the back office lists them.
 */
export async function mismatchNotices(ctx: TestContext, org: Pick<TestOrg, "cookie">) {
  const res = await ctx.app.inject({ url: "/api/notifications", headers: { cookie: org.cookie } });
  const items = res.json().items as { type: string; data: Record<string, string | number | null> }[];
  return items.filter((n) => n.type === "payment_mismatch").map((n) => n.data);
}
