import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** Tests: turns the C4 option "allow booking appointments" on or off, keeping the others. */
export const allowAppointments = (ctx: TestContext, org: TestOrg, on: boolean) =>
  withOrg(ctx.database.db, org.orgId, async (tx) => {
    const [row] = await tx.select().from(organisations).where(eq(organisations.id, org.orgId));
    await tx
      .update(organisations)
      .set({ portalOptions: { ...(row?.portalOptions as object), allowAppointments: on } })
      .where(eq(organisations.id, org.orgId));
  });
