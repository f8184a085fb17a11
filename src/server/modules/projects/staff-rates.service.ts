import { and, asc, eq } from "drizzle-orm";
import type { StaffRate } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { memberships, users } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";

/** The members' hourly rates, which projects billed by staff rate read (decision 039). */
export function listStaffRates(db: Db, orgId: string): Promise<StaffRate[]> {
  return withOrg(db, orgId, async (tx) =>
    tx
      .select({
        userId: memberships.userId,
        name: users.name,
        email: users.email,
        hourlyRateMinor: memberships.hourlyRateMinor,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(users.name), asc(users.id)),
  );
}

export function setStaffRate(
  db: Db,
  orgId: string,
  userId: string,
  hourlyRateMinor: number | null,
): Promise<StaffRate> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .update(memberships)
      .set({ hourlyRateMinor })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .returning({ userId: memberships.userId });
    if (!row) throw new AppError("NOT_FOUND");
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    return { userId, name: user?.name ?? "", email: user?.email ?? "", hourlyRateMinor };
  });
}
