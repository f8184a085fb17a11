import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { can, type StaffAction, type StaffRole } from "../../modules/team/staff-policy.js";
import { joinTeam, type TestMember } from "../../modules/team/test-support.js";
import { createTestContext, type TestContext } from "../harness.js";
import { buildRequest, fingerprint, keyOf, loadRoutes, type Route, victimId } from "./crawler.js";
import { buildTenantWorld, type TenantWorld } from "./fixtures.js";

/**
 * The crawler learns roles (issue 12 §3): every back-office route of the OpenAPI document whose action
 * (`x-staff-action`) the policy refuses a role is called by a member with that role, with real ids of
 * their own organisation; each answers 403 FORBIDDEN_ROLE and the organisation's rows stay as they were.
 * A new route is covered by declaring its action, without editing this file.
 */
let ctx: TestContext;
let world: TenantWorld;
let routes: Route[];
const members = {} as Record<Exclude<StaffRole, "owner">, TestMember>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await buildTenantWorld(ctx, "Roles");
  routes = await loadRoutes(ctx);
  members.staff = await joinTeam(ctx, world.org, "staff");
  members.admin = await joinTeam(ctx, world.org, "admin");
});
afterAll(() => ctx.close());

const forbiddenFor = (role: StaffRole) =>
  routes.filter((r) => r.op["x-staff-action"] && !can({ role }, r.op["x-staff-action"] as StaffAction));

async function crawlAs(member: TestMember, targets: Route[]) {
  const failures: string[] = [];
  for (const route of targets) {
    const req = buildRequest(route, world.org.slug, (n) => victimId(world, n, route.path));
    const res = await ctx.app.inject({ ...req, headers: { ...req.headers, cookie: member.cookie } });
    const code = res.statusCode === 403 ? res.json().code : null;
    if (code !== "FORBIDDEN_ROLE")
      failures.push(`${keyOf(route)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
  }
  return failures;
}

describe("each role reaches only what the staff policy gives it", () => {
  test("staff get 403 FORBIDDEN_ROLE on every settings and team route, and nothing changes", async () => {
    const targets = forbiddenFor("staff");
    expect(targets.map(keyOf)).toEqual(
      expect.arrayContaining(["PUT /api/portal-settings", "PUT /api/organisation", "GET /api/team"]),
    );
    const before = await fingerprint(ctx, world.org.orgId);
    expect(await crawlAs(members.staff, targets)).toEqual([]);
    expect(await fingerprint(ctx, world.org.orgId)).toBe(before);
  });

  test("admins get 403 FORBIDDEN_ROLE on every owner-only route, and nothing changes", async () => {
    const before = await fingerprint(ctx, world.org.orgId);
    expect(await crawlAs(members.admin, forbiddenFor("admin"))).toEqual([]);
    expect(await fingerprint(ctx, world.org.orgId)).toBe(before);
  });

  test("admins get 403 FORBIDDEN_ROLE on the owner-only team acts, and nothing changes", async () => {
    const me = await ctx.app.inject({ url: "/api/auth/me", headers: { cookie: world.org.cookie } });
    const ownerId = me.json().user.id as string;
    const before = await fingerprint(ctx, world.org.orgId);
    for (const [method, url, payload] of [
      ["PUT", `/api/team/members/${members.staff.userId}/role`, { role: "owner" }],
      ["PUT", `/api/team/members/${ownerId}/role`, { role: "admin" }],
      ["POST", `/api/team/members/${ownerId}/disable`, {}],
      ["POST", "/api/team/invitations", { email: "owner-to-be@example.com", role: "owner" }],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload, headers: { cookie: members.admin.cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe("FORBIDDEN_ROLE");
    }
    expect(await fingerprint(ctx, world.org.orgId)).toBe(before);
  });
});
