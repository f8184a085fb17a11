import { randomBytes } from "node:crypto";
import type { CreatedApiKey } from "../../../shared/contracts/index.js";
import { memberships, users } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { hashPassword } from "../../http/passwords.js";
import { loginStaff, type TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** A key of the organisation, created by its owner through the API. */
export async function buildApiKey(
  ctx: TestContext,
  org: TestOrg,
  body: { name?: string; scope?: "read" | "write"; expiresAt?: string | null } = {},
): Promise<CreatedApiKey> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/api-keys",
    headers: { cookie: org.cookie },
    payload: { name: "Accounting sync", scope: "write", ...body },
  });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const bearer = (key: { secret: string }) => ({ authorization: `Bearer ${key.secret}` });

/** Another person of the organisation with this role, signed in; answers its cookie. */
export async function signInMember(
  ctx: TestContext,
  org: TestOrg,
  role: "owner" | "admin" | "staff",
): Promise<string> {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.com`;
  const password = "correct horse battery staple";
  const passwordHash = await hashPassword(password);
  await withSystem(ctx.database.db, async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: `A ${role}`, passwordHash })
      .returning({ id: users.id });
    if (!user) throw new Error("no user");
    await tx.insert(memberships).values({ orgId: org.orgId, userId: user.id, role });
  });
  return loginStaff(ctx, email, password);
}
