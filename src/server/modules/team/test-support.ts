import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { cookieHeader, type TestOrg } from "../../test/factories.js";
import { TEST_PUBLIC_URL, type TestContext } from "../../test/harness.js";

export const MEMBER_PASSWORD = "a long enough pass phrase";

let client = 0;
/** A different client address per acceptance, so the per-address rate limit (tested elsewhere) stays out of the way. */
export const nextAddress = () => `10.77.${Math.floor(++client / 250) % 250}.${(client % 250) + 1}`;

/** Invites `email` as `role` with the inviter's cookie and returns the token of the emailed link. */
export async function inviteToTeam(
  ctx: TestContext,
  org: TestOrg,
  email: string,
  role: string,
  cookie = org.cookie,
): Promise<string> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/team/invitations",
    headers: { cookie },
    payload: { email, role },
  });
  if (res.statusCode !== 201) throw new Error(`invite: ${res.statusCode} ${res.body}`);
  const [mail] = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(
        and(eq(emails.orgId, org.orgId), eq(emails.kind, "team_invitation"), eq(emails.toAddress, email)),
      )
      .orderBy(desc(emails.createdAt))
      .limit(1),
  );
  const match = mail?.textBody.match(new RegExp(`${TEST_PUBLIC_URL}/app/invitation/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error("no invitation link emailed");
  return match[1];
}

export interface TestMember {
  email: string;
  userId: string;
  /** Cookie header of the member, signed in by accepting the invitation. */
  cookie: string;
}

/** A new colleague of `org` with `role`, invited by its owner and signed in by accepting. */
export async function joinTeam(ctx: TestContext, org: TestOrg, role: string): Promise<TestMember> {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.com`;
  const token = await inviteToTeam(ctx, org, email, role);
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/invitation/accept",
    remoteAddress: nextAddress(),
    payload: { token, name: `A ${role}`, password: MEMBER_PASSWORD, confirm: MEMBER_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`accept: ${res.statusCode} ${res.body}`);
  return { email, cookie: cookieHeader(res.headers["set-cookie"]), userId: res.json().user.id };
}
