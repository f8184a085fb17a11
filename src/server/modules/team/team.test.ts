import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { advanceClock, resetClock } from "../../clock.js";
import { buildOrg, loginStaff, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import {
  nextAddress as address,
  inviteToTeam,
  joinTeam,
  MEMBER_PASSWORD as PASSWORD,
} from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Team");
});
afterAll(() => ctx.close());
afterEach(() => resetClock());

const call = (cookie: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, payload });
const invite = (cookie: string, email: string, role: string) => inviteToTeam(ctx, org, email, role, cookie);
const join = (role: string) => joinTeam(ctx, org, role);
const accept = (payload: object) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/invitation/accept", remoteAddress: address(), payload });

describe("invitations", () => {
  test("a new person accepts once, sets a name and password, and is signed in with the invited role", async () => {
    const token = await invite(org.cookie, "new.person@example.com", "staff");
    const peek = await ctx.app.inject({ url: `/api/auth/invitation/${token}` });
    expect(peek.json()).toMatchObject({ email: "new.person@example.com", role: "staff", hasAccount: false });
    const weak = await accept({ token, name: "New Person", password: "short", confirm: "short" });
    expect(weak.json().code).toBe("PASSWORD_TOO_SHORT");
    const res = await accept({ token, name: "New Person", password: PASSWORD, confirm: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: "staff", permissions: ["work.read", "work.write"] });
    const again = await accept({ token, name: "New Person", password: PASSWORD, confirm: PASSWORD });
    expect(again.json().code).toBe("TOKEN_INVALID");
    expect((await ctx.app.inject({ url: `/api/auth/invitation/${token}` })).json().code).toBe(
      "TOKEN_INVALID",
    );
  });

  test("an expired invitation is refused", async () => {
    const token = await invite(org.cookie, "late@example.com", "staff");
    advanceClock(7 * 86400_000 + 1000);
    const res = await accept({ token, name: "Late", password: PASSWORD, confirm: PASSWORD });
    expect(res.json().code).toBe("TOKEN_INVALID");
  });

  test("a revoked invitation is refused, and a new one to the same address revokes the old", async () => {
    const first = await invite(org.cookie, "twice@example.com", "staff");
    const second = await invite(org.cookie, "twice@example.com", "admin");
    expect((await ctx.app.inject({ url: `/api/auth/invitation/${first}` })).json().code).toBe(
      "TOKEN_INVALID",
    );
    const team = (await call(org.cookie, "GET", "/api/team")).json();
    const pending = team.invitations.filter((i: { email: string }) => i.email === "twice@example.com");
    expect(pending).toHaveLength(1);
    expect((await call(org.cookie, "DELETE", `/api/team/invitations/${pending[0].id}`)).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: `/api/auth/invitation/${second}` })).json().code).toBe(
      "TOKEN_INVALID",
    );
  });

  test("a person with an account joins with their password, into the inviting organisation", async () => {
    const other = await buildOrg(ctx, "Other");
    const token = await invite(org.cookie, other.email, "admin");
    expect((await ctx.app.inject({ url: `/api/auth/invitation/${token}` })).json().hasAccount).toBe(true);
    const wrong = await accept({ token, password: "not the password at all" });
    expect(wrong.json().code).toBe("INVALID_CREDENTIALS");
    const res = await accept({ token, password: other.password });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().org.id).toBe(org.orgId);
    expect(res.json().role).toBe("admin");
  });

  test("an existing member cannot be invited again", async () => {
    const res = await call(org.cookie, "POST", "/api/team/invitations", { email: org.email, role: "staff" });
    expect(res.json().code).toBe("TEAM_ALREADY_MEMBER");
  });
});

describe("members and roles", () => {
  test("the list shows name, email, role, last sign-in and status", async () => {
    const staff = await join("staff");
    const team = (await call(org.cookie, "GET", "/api/team")).json();
    const row = team.members.find((m: { email: string }) => m.email === staff.email);
    expect(row).toMatchObject({ role: "staff", status: "active", isYou: false });
    expect(row.lastSignInAt).not.toBeNull();
    expect(team.members.find((m: { isYou: boolean }) => m.isYou).email).toBe(org.email);
  });

  test("an admin manages staff but cannot make an owner, nor change or disable one", async () => {
    const admin = await join("admin");
    const staff = await join("staff");
    const ownerId = (await call(org.cookie, "GET", "/api/auth/me")).json().user.id;
    const promote = await call(admin.cookie, "PUT", `/api/team/members/${staff.userId}/role`, {
      role: "admin",
    });
    expect(promote.json().role).toBe("admin");
    for (const [method, url, body] of [
      ["PUT", `/api/team/members/${staff.userId}/role`, { role: "owner" }],
      ["PUT", `/api/team/members/${ownerId}/role`, { role: "staff" }],
      ["POST", `/api/team/members/${ownerId}/disable`, undefined],
      ["POST", "/api/team/invitations", { email: "boss@example.com", role: "owner" }],
    ] as const) {
      const res = await call(admin.cookie, method, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe("FORBIDDEN_ROLE");
    }
  });

  test("there is always one owner; an owner hands ownership over", async () => {
    const ownerId = (await call(org.cookie, "GET", "/api/auth/me")).json().user.id;
    const last = await call(org.cookie, "PUT", `/api/team/members/${ownerId}/role`, { role: "admin" });
    expect(last.json().code).toBe("TEAM_LAST_OWNER");
    expect((await call(org.cookie, "POST", `/api/team/members/${ownerId}/disable`)).json().code).toBe(
      "TEAM_LAST_OWNER",
    );
    const heir = await join("admin");
    expect(
      (await call(org.cookie, "PUT", `/api/team/members/${heir.userId}/role`, { role: "owner" })).statusCode,
    ).toBe(200);
    const stepDown = await call(org.cookie, "PUT", `/api/team/members/${ownerId}/role`, { role: "admin" });
    expect(stepDown.json().role).toBe("admin");
    // Back as it was, for the other tests: the heir makes the first owner an owner again.
    await call(heir.cookie, "PUT", `/api/team/members/${ownerId}/role`, { role: "owner" });
    org.cookie = await loginStaff(ctx, org.email, org.password);
  });

  test("a disabled member's session stops on the next request; re-enabled, they sign in again", async () => {
    const staff = await join("staff");
    expect((await call(staff.cookie, "GET", "/api/invoices")).statusCode).toBe(200);
    const disabled = await call(org.cookie, "POST", `/api/team/members/${staff.userId}/disable`);
    expect(disabled.json().status).toBe("disabled");
    expect((await call(staff.cookie, "GET", "/api/invoices")).statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: staff.email, password: PASSWORD },
      remoteAddress: "10.9.9.9",
    });
    expect(login.json().code).toBe("INVALID_CREDENTIALS");
    expect((await call(org.cookie, "POST", `/api/team/members/${staff.userId}/enable`)).json().status).toBe(
      "active",
    );
    const cookie = await loginStaff(ctx, staff.email, PASSWORD);
    expect((await call(cookie, "GET", "/api/invoices")).statusCode).toBe(200);
  });

  test("staff see neither the team nor the organisation's settings", async () => {
    const staff = await join("staff");
    for (const [method, url] of [
      ["GET", "/api/team"],
      ["PUT", "/api/portal-settings"],
      ["POST", "/api/team/invitations"],
    ] as const) {
      const res = await call(staff.cookie, method, url, {});
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe("FORBIDDEN_ROLE");
    }
    const me = (await call(staff.cookie, "GET", "/api/auth/me")).json();
    expect(me.permissions).toEqual(["work.read", "work.write"]);
  });
});
