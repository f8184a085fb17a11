import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { slugFromName } from "../../../shared/contracts/index.js";
import { advanceClock, resetClock } from "../../clock.js";
import { users } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { buildOrg, cookieHeader } from "../../test/factories.js";
import { createTestContext, TEST_PUBLIC_URL, type TestContext } from "../../test/harness.js";
import { createOrganisationByOperator } from "./org-create.service.js";

/** `npm run org:create` (scripts/org-create.ts) is a thin shell over createOrganisationByOperator. */
let ctx: TestContext;
let n = 0;
const freshIp = () => `203.0.113.${++n}`;
beforeAll(async () => {
  ctx = await createTestContext({ SIGNUP: "closed" });
});
afterAll(() => ctx.close());

const deps = () => ({ db: ctx.database.db, config: ctx.config });
const post = (url: string, payload: object) =>
  ctx.app.inject({ method: "POST", url, payload, remoteAddress: freshIp() });
const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

describe("org:create", () => {
  test("creates the organisation and an owner who cannot sign in until the one-time link sets a password", async () => {
    const created = await createOrganisationByOperator(deps(), {
      organisationName: "Frutería Núñez",
      ownerEmail: "Nuria@Example.com",
      ownerName: "Nuria Núñez",
      language: "es",
      timeZone: "Atlantic/Canary",
    });
    expect(created.slug).toBe("fruteria-nunez");
    expect(created.setPasswordLink).toMatch(
      new RegExp(`^${TEST_PUBLIC_URL}/app/reset-password\\?token=[A-Za-z0-9_-]{43}$`),
    );
    const password = "granite-meadow-kettle-58";
    // No password works before the link is used (not even an empty one).
    for (const guess of ["", password])
      expect(
        (await post("/api/auth/login", { email: "nuria@example.com", password: guess })).statusCode,
      ).not.toBe(200);

    const token = tokenOf(created.setPasswordLink ?? "");
    const set = await post("/api/auth/password/reset", { token, password, confirm: password });
    expect(set.statusCode).toBe(200);
    const login = await post("/api/auth/login", { email: "nuria@example.com", password });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({
      org: { id: created.orgId, portalSlug: "fruteria-nunez" },
      role: "owner",
    });
    const profile = await ctx.app.inject({
      url: "/api/organisation",
      headers: { cookie: cookieHeader(login.headers["set-cookie"]) },
    });
    expect(profile.json()).toMatchObject({ timeZone: "Atlantic/Canary", baseCurrency: "EUR", country: "ES" });

    // Used once.
    const again = await post("/api/auth/password/reset", {
      token,
      password: `${password}x`,
      confirm: `${password}x`,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("TOKEN_INVALID");
  });

  test("the link lasts 7 days, not the 30 minutes of a reset", async () => {
    const created = await createOrganisationByOperator(deps(), {
      organisationName: "Slow Starter",
      slug: "slow-starter",
      ownerEmail: "slow@example.com",
    });
    const token = tokenOf(created.setPasswordLink ?? "");
    try {
      advanceClock(6 * 86400_000);
      const ok = await post("/api/auth/password/reset", {
        token,
        password: "copper-willow-signal-23",
        confirm: "copper-willow-signal-23",
      });
      expect(ok.statusCode).toBe(200);
      const late = await createOrganisationByOperator(deps(), {
        organisationName: "Late Starter",
        ownerEmail: "late@example.com",
      });
      advanceClock(7 * 86400_000 + 1000);
      const expired = await post("/api/auth/password/reset", {
        token: tokenOf(late.setPasswordLink ?? ""),
        password: "copper-willow-signal-23",
        confirm: "copper-willow-signal-23",
      });
      expect(expired.json().code).toBe("TOKEN_INVALID");
    } finally {
      resetClock();
    }
  });

  test("an owner who already has an account is made owner without a link, and keeps their password", async () => {
    const existing = await buildOrg(ctx, "Has Account");
    const created = await createOrganisationByOperator(deps(), {
      organisationName: "Second Shop",
      slug: "second-shop",
      ownerEmail: existing.email,
    });
    expect(created.setPasswordLink).toBeNull();
    const orgs = await ctx.app.inject({
      url: "/api/auth/organisations",
      headers: { cookie: existing.cookie },
    });
    expect(orgs.json().map((o: { id: string }) => o.id)).toEqual([existing.orgId, created.orgId]);
    expect(
      (await post("/api/auth/login", { email: existing.email, password: existing.password })).statusCode,
    ).toBe(200);
  });

  test("refuses a taken slug and bad values, creating nothing", async () => {
    await expect(
      createOrganisationByOperator(deps(), {
        organisationName: "Dup",
        slug: "second-shop",
        ownerEmail: "dup@example.com",
      }),
    ).rejects.toMatchObject({ code: "SLUG_TAKEN" });
    await expect(
      createOrganisationByOperator(deps(), {
        organisationName: "Bad Zone",
        ownerEmail: "zone@example.com",
        timeZone: "Nowhere/Town",
      }),
    ).rejects.toThrow(/unknown time zone/);
    const people = await withSystem(ctx.database.db, (tx) =>
      tx
        .select()
        .from(users)
        .where(inArray(users.email, ["dup@example.com", "zone@example.com"])),
    );
    expect(people).toEqual([]);
  });

  test("derives a portal address from the name", () => {
    expect(slugFromName("Acme S.L.")).toBe("acme-s-l");
    expect(slugFromName("Ñ")).toBe("org-n");
    expect(slugFromName("  Café & Té  ")).toBe("cafe-te");
  });
});
