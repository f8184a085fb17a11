import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import { emails, memberships, notifications, organisations } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { buildCustomer, putOrganisationProfile, type TestOrg } from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { signUnsubscribe, verifyUnsubscribe } from "./unsubscribe-token.js";

const { ctx, org, otherOrg: other } = setUpTestApp("Prefs", "Elsewhere");
let customer: Customer;
let contactCookie: string;

beforeAll(async () => {
  customer = await buildCustomer(ctx, org, "Acme");
  contactCookie = await contactSessionCookie(ctx, org, customer, "password");
});

let stars = 0;
/** A contact writes (or edits) its review: one review_written event. */
async function reviewEvent() {
  stars = (stars % 5) + 1;
  const res = await ctx.app.inject({
    method: "PUT",
    url: `/api/portal/${org.slug}/review`,
    headers: { cookie: contactCookie },
    payload: { rating: stars, body: `Event ${stars}` },
  });
  expect(res.statusCode).toBe(200);
}

const staffEmails = (o: TestOrg = org) =>
  withSystem(ctx.database.db, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.orgId, o.orgId), eq(emails.kind, "staff_notification")))
      .orderBy(desc(emails.createdAt)),
  );
const prefsOf = async (o: TestOrg) => {
  const [row] = await withSystem(ctx.database.db, (tx) =>
    tx.select().from(organisations).where(eq(organisations.id, o.orgId)),
  );
  return row?.notificationPrefs ?? {};
};
const mutedOf = async (o: TestOrg) => {
  const [row] = await withOrg(ctx.database.db, o.orgId, (tx) => tx.select().from(memberships));
  return row?.mutedNotifications ?? [];
};
const linkOf = (text: string) => /\/app\/unsubscribe\?token=([\w-]+\.[\w-]+)/.exec(text)?.[1] ?? "";
const call = (method: "GET" | "POST", token: string, extra: object = {}, undo = false) =>
  ctx.app.inject({
    method,
    url: `/api/unsubscribe${undo ? "/undo" : ""}?token=${encodeURIComponent(token)}`,
    ...extra,
  });

/** Emails delivered while running `fn`. */
async function newEmails(fn: () => Promise<unknown>) {
  const before = new Set((await staffEmails()).map((e) => e.id));
  await fn();
  return (await staffEmails()).filter((e) => !before.has(e.id));
}

describe("who gets a staff notification (C5)", () => {
  test("without an inbox of its own, the owner gets it, with an unsubscribe link and RFC 8058 headers", async () => {
    const [mail, ...rest] = await newEmails(reviewEvent);
    expect(rest).toEqual([]);
    expect(mail?.toAddress).toBe(org.email);
    const token = linkOf(mail?.textBody ?? "");
    expect(token).not.toBe("");
    expect(mail?.htmlBody).toContain(`/app/unsubscribe?token=${token}`);
    expect(mail?.headers).toEqual({
      "List-Unsubscribe": `<${ctx.config.publicUrl}/api/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(verifyUnsubscribe(ctx.config.appSecret, token)).toMatchObject({
      orgId: org.orgId,
      event: "review_written",
      userId: expect.any(String),
    });
  });

  test("a member who muted the event gets no email, and still sees it in the bell", async () => {
    const put = await ctx.app.inject({
      method: "PUT",
      url: "/api/auth/notification-preferences",
      headers: { cookie: org.cookie },
      payload: { muted: ["review_written", "review_written", "quote_viewed"] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      emailsGoToMembers: true,
      receivesEmails: true,
      muted: ["quote_viewed", "review_written"],
    });
    const bellBefore = (
      await ctx.app.inject({ url: "/api/notifications", headers: { cookie: org.cookie } })
    ).json().items.length;
    expect(await newEmails(reviewEvent)).toEqual([]);
    const bell = (
      await ctx.app.inject({ url: "/api/notifications", headers: { cookie: org.cookie } })
    ).json();
    expect(bell.items.length).toBe(bellBefore + 1);
    expect(bell.items[0].type).toBe("review_written");
    await ctx.app.inject({
      method: "PUT",
      url: "/api/auth/notification-preferences",
      headers: { cookie: org.cookie },
      payload: { muted: [] },
    });
    expect(await newEmails(reviewEvent)).toHaveLength(1);
  });

  test("an event the organisation turned off is not queued for anybody", async () => {
    const off = await ctx.app.inject({
      method: "PUT",
      url: "/api/portal-settings",
      headers: { cookie: org.cookie },
      payload: {
        portalEnabled: true,
        portalSlug: org.slug,
        deliveryMode: "both",
        notificationPrefs: { review_written: false },
      },
    });
    expect(off.statusCode).toBe(200);
    expect(await newEmails(reviewEvent)).toEqual([]);
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.update(organisations).set({ notificationPrefs: {} }).where(eq(organisations.id, org.orgId)),
    );
  });
});

describe("the unsubscribe link of a member's email", () => {
  test("turns off exactly that event for that member, once, idempotently, and can be undone", async () => {
    const [mail] = await newEmails(reviewEvent);
    const token = linkOf(mail?.textBody ?? "");
    const look = await call("GET", token);
    expect(look.statusCode, look.body).toBe(200);
    expect(look.json()).toEqual({
      event: "review_written",
      recipient: "member",
      orgName: "Prefs",
      address: org.email,
      emailed: true,
    });
    expect(await mutedOf(org)).toEqual([]); // a GET changes nothing

    // RFC 8058: the mail client POSTs the one-click body, with no cookie and no Origin.
    const oneClick = await call("POST", token, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json()).toMatchObject({ event: "review_written", emailed: false });
    expect(await mutedOf(org)).toEqual(["review_written"]);
    expect(await prefsOf(org)).toEqual({}); // the organisation's own switch is untouched

    const again = await call("POST", token);
    expect(again.statusCode).toBe(200);
    expect(again.json().emailed).toBe(false);
    expect(await mutedOf(org)).toEqual(["review_written"]);
    expect(await newEmails(reviewEvent)).toEqual([]);

    const undo = await call("POST", token, {}, true);
    expect(undo.json().emailed).toBe(true);
    expect(await mutedOf(org)).toEqual([]);
    expect(await newEmails(reviewEvent)).toHaveLength(1);
  });
});

describe("the unsubscribe link of the organisation's inbox", () => {
  test("turns off the organisation's preference for that event only", async () => {
    const profile = await putOrganisationProfile(ctx, org, { email: "inbox@prefs.example" });
    expect(profile.statusCode, profile.body).toBe(200);
    const [mail] = await newEmails(reviewEvent);
    expect(mail?.toAddress).toBe("inbox@prefs.example");
    const token = linkOf(mail?.textBody ?? "");
    expect(verifyUnsubscribe(ctx.config.appSecret, token)?.userId).toBeNull();
    const res = await call("POST", token);
    expect(res.json()).toMatchObject({
      recipient: "organisation",
      address: "inbox@prefs.example",
      emailed: false,
    });
    expect(await prefsOf(org)).toMatchObject({ review_written: false, payment_received: true });
    expect(await prefsOf(other)).toEqual({});
    expect(await newEmails(reviewEvent)).toEqual([]);
    await call("POST", token, {}, true);
    expect((await prefsOf(org)).review_written).toBe(true);
  });
});

describe("forged, altered and revoked links", () => {
  const genuine = () =>
    signUnsubscribe(ctx.config.appSecret, {
      orgId: org.orgId,
      userId: null,
      event: "review_written",
      version: 1,
    });

  test("an altered payload or signature, or another secret, is refused and nothing changes", async () => {
    const token = genuine();
    const [payload, sig] = token.split(".") as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify([other.orgId, null, "review_written", 1])).toString(
      "base64url",
    );
    const flip = (s: string) =>
      s.at(-2) === "A" ? `${s.slice(0, -2)}B${s.at(-1)}` : `${s.slice(0, -2)}A${s.at(-1)}`;
    const bad = [
      `${forgedPayload}.${sig}`,
      `${payload}.${flip(sig)}`,
      `${flip(payload)}.${sig}`,
      signUnsubscribe("another-secret-of-enough-length", {
        orgId: other.orgId,
        userId: null,
        event: "review_written",
        version: 1,
      }),
      `${payload}.${sig}.x`,
      "nonsense",
      signUnsubscribe(ctx.config.appSecret, {
        orgId: org.orgId,
        userId: null,
        event: "no_such_event",
        version: 1,
      }),
    ];
    const before = [await prefsOf(org), await prefsOf(other), await mutedOf(org), await mutedOf(other)];
    for (const t of bad) {
      for (const [method, undo] of [
        ["GET", false],
        ["POST", false],
        ["POST", true],
      ] as const) {
        const res = await call(method, t, {}, undo);
        expect(res.statusCode, `${method} ${t}`).toBe(404);
        expect(res.json().code).toBe("UNSUBSCRIBE_LINK_INVALID");
      }
    }
    expect([await prefsOf(org), await prefsOf(other), await mutedOf(org), await mutedOf(other)]).toEqual(
      before,
    );
  });

  test("revoking the organisation's links refuses every link already sent", async () => {
    const token = genuine();
    expect((await call("GET", token)).statusCode).toBe(200);
    const revoke = await ctx.app.inject({
      method: "POST",
      url: "/api/organisation/unsubscribe-links/revoke",
      headers: { cookie: org.cookie },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await call("POST", token)).statusCode).toBe(404);
    const [mail] = await newEmails(reviewEvent);
    expect((await call("GET", linkOf(mail?.textBody ?? ""))).statusCode).toBe(200);
  });

  test("in-app notifications are always written", async () => {
    const n = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "review_written")),
    );
    expect(n.length).toBeGreaterThan(5);
  });
});
