import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { contactCookieName, staffCookieName } from "../../http/cookies.js";
import {
  anyIp,
  emailsTo,
  GOOD_PASSWORD,
  issueToken,
  login,
  post,
  setPassword,
} from "../../modules/portal-auth/test-helpers.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  loginStaff,
  sendAndReadLinks,
  type TestOrg,
} from "../factories.js";
import { createTestContext, type TestContext } from "../harness.js";

/**
 * Session, document-link, invitation, reset, staff and staff reset tokens are single-purpose: each is tried in every
 * other kind's place and refused there, and disabling a contact's access kills every one of its tokens.
 */
let ctx: TestContext;
let org: TestOrg;
let owner: { customerId: string; contactId: string };
let email: string;

type Kind = "session" | "link" | "invitation" | "reset" | "staff" | "staffReset";
let tokens: Record<Kind, string>;

const cookieValue = (cookie: string, name: string) =>
  cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1) ?? "";

async function freshTokens(): Promise<Record<Kind, string>> {
  const invoice = await buildInvoice(ctx, org, owner.customerId, { issue: true });
  await sendAndReadLinks(ctx, org, invoice.id);
  // The customer's other contact gets a link too: take this contact's, from the newest email to it.
  const [mail] = await emailsTo(ctx, org, email, "invoice_sent");
  const link = /\/p\/\S+\/l\/[\w-]+/.exec(mail?.textBody ?? "")?.[0];
  const { cookie } = await login(ctx, org, email, GOOD_PASSWORD);
  return {
    session: cookieValue(cookie, contactCookieName(ctx.config, org.orgId)),
    link: link?.split("/l/")[1] ?? "",
    invitation: await issueToken(ctx, org, owner, "invitation"),
    reset: await issueToken(ctx, org, owner, "password_reset"),
    staff: cookieValue(org.cookie, staffCookieName(ctx.config)),
    staffReset: await staffResetToken(),
  };
}

/** A staff reset token (decision 016), from the newest reset email to the owner. */
async function staffResetToken(): Promise<string> {
  await post(ctx, "/api/auth/password/forgot", { email: org.email });
  const [mail] = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, org.email), eq(emails.kind, "staff_password_reset")))
      .orderBy(desc(emails.createdAt)),
  );
  return /reset-password\?token=([\w-]+)/.exec(mail?.textBody ?? "")?.[1] ?? "";
}

/** Whether `token` is accepted in the place of a `slot` token. */
async function accepted(slot: Kind, token: string): Promise<boolean> {
  const client = { remoteAddress: anyIp() };
  switch (slot) {
    case "session": {
      const cookie = `${contactCookieName(ctx.config, org.orgId)}=${token}`;
      const res = await ctx.app.inject({
        url: `/api/portal/${org.slug}/me`,
        headers: { cookie },
        ...client,
      });
      return res.statusCode === 200;
    }
    case "link": {
      const res = await ctx.app.inject({ url: `/p/${org.slug}/l/${token}`, ...client });
      return res.statusCode === 303 && !String(res.headers.location).includes("LINK_INVALID");
    }
    case "invitation": {
      const res = await ctx.app.inject({ url: `/api/portal/${org.slug}/invitation/${token}`, ...client });
      return res.statusCode === 200;
    }
    case "reset": {
      // A password that passes the policy, so only the token can make it fail; accepted uses it up.
      const res = await post(ctx, `/api/portal/${org.slug}/password/reset`, {
        token,
        password: GOOD_PASSWORD,
        confirm: GOOD_PASSWORD,
      });
      return res.statusCode === 200;
    }
    case "staffReset": {
      const res = await post(ctx, "/api/auth/password/reset", {
        token,
        password: GOOD_PASSWORD,
        confirm: GOOD_PASSWORD,
      });
      return res.statusCode === 200;
    }
    case "staff": {
      const res = await ctx.app.inject({
        url: "/api/auth/me",
        headers: { cookie: `${staffCookieName(ctx.config)}=${token}` },
        ...client,
      });
      return res.statusCode === 200;
    }
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Tokens");
  const customer = await buildCustomer(ctx, org, "Token Customer");
  const contact = customer.contacts[0];
  if (!contact?.email) throw new Error("no contact");
  owner = { customerId: customer.id, contactId: contact.id };
  email = contact.email;
  await setPassword(ctx, org, contact.id, GOOD_PASSWORD);
  tokens = await freshTokens();
});
afterAll(() => ctx.close());

// staffReset last: using it ends the owner's staff sessions.
const KINDS: Kind[] = ["session", "link", "invitation", "reset", "staff", "staffReset"];

describe("single-purpose tokens", () => {
  test("every token is 256-bit, URL-safe and different from the others", () => {
    for (const kind of KINDS) expect(tokens[kind], kind).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(Object.values(tokens)).size).toBe(KINDS.length);
  });

  for (const slot of KINDS) {
    test(`only a ${slot} token is accepted as a ${slot} token`, async () => {
      for (const kind of KINDS.filter((k) => k !== slot))
        expect(await accepted(slot, tokens[kind]), `${kind} token used as ${slot}`).toBe(false);
    });
  }

  test("each kind is accepted in its own place (the reset token once)", async () => {
    const fresh = await freshTokens();
    for (const kind of KINDS) expect(await accepted(kind, fresh[kind]), kind).toBe(true);
    expect(await accepted("reset", fresh.reset), "a used reset token").toBe(false);
    expect(await accepted("staffReset", fresh.staffReset), "a used staff reset token").toBe(false);
    org = { ...org, cookie: await loginStaff(ctx, org.email, GOOD_PASSWORD) };
  });

  test("disabling the contact's access kills its session, link, invitation and reset tokens", async () => {
    const fresh = await freshTokens();
    const res = await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${owner.customerId}/contacts/${owner.contactId}/portal-access`,
      headers: { cookie: org.cookie },
    });
    expect(res.statusCode).toBe(200);
    for (const kind of ["session", "link", "invitation", "reset"] as const)
      expect(await accepted(kind, fresh[kind]), `${kind} after disable`).toBe(false);
    expect(await accepted("staff", fresh.staff), "staff are not affected").toBe(true);
  });
});
