import { beforeAll, describe, expect, test } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import { contactCookieName } from "../../http/cookies.js";
import { buildCustomer, type TestOrg } from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import {
  auditActions,
  emailsTo,
  GOOD_PASSWORD,
  login,
  OTHER_PASSWORD,
  post,
  setPassword,
  updateContact,
} from "./test-helpers.js";

const { ctx, org, otherOrg } = setUpTestApp("Auth Org", "Auth Other Org");
let customer: Customer;

const contact = (c: Customer, i = 0) => {
  const found = c.contacts[i];
  if (!found?.email) throw new Error("contact without email");
  return { ...found, email: found.email };
};
const me = (o: TestOrg, cookie: string) =>
  ctx.app.inject({ url: `/api/portal/${o.slug}/me`, headers: { cookie } });

beforeAll(async () => {
  customer = await buildCustomer(ctx, org, "Signer");
  await setPassword(ctx, org, contact(customer).id, GOOD_PASSWORD);
});

describe("contact sign-in (D5)", () => {
  test("the right password signs in with this portal's cookie and a new token every time", async () => {
    const c = contact(customer);
    const first = await login(ctx, org, c.email.toUpperCase(), GOOD_PASSWORD);
    expect(first.res.statusCode).toBe(200);
    expect(first.cookie.startsWith(`${contactCookieName(ctx.config, org.orgId)}=`)).toBe(true);
    expect(String(first.res.headers["set-cookie"])).toMatch(/HttpOnly/i);
    expect((await me(org, first.cookie)).json().contact.id).toBe(c.id);
    const second = await login(ctx, org, c.email, GOOD_PASSWORD);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await auditActions(ctx, org, c.id)).filter((a) => a === "sign_in")).toHaveLength(2);
  });

  test("the old session of the browser ends when it signs in again", async () => {
    const c = contact(customer);
    const first = await login(ctx, org, c.email, GOOD_PASSWORD);
    const again = await post(
      ctx,
      `/api/portal/${org.slug}/login`,
      { email: c.email, password: GOOD_PASSWORD },
      { cookie: first.cookie },
    );
    expect(again.statusCode).toBe(200);
    expect((await me(org, first.cookie)).statusCode).toBe(401);
  });

  test("unknown email, wrong password, disabled access, no password: one answer", async () => {
    const other = await buildCustomer(ctx, org, "Refused");
    const disabled = contact(other, 0);
    const noPassword = contact(other, 1);
    await setPassword(ctx, org, disabled.id, GOOD_PASSWORD);
    await updateContact(ctx, org, disabled.id, { portalEnabled: false });
    const attempts = [
      { email: "nobody-here@example.com", password: GOOD_PASSWORD },
      { email: contact(customer).email, password: OTHER_PASSWORD },
      { email: disabled.email, password: GOOD_PASSWORD },
      { email: noPassword.email, password: GOOD_PASSWORD },
    ];
    for (const body of attempts) {
      const res = await post(ctx, `/api/portal/${org.slug}/login`, body);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe("INVALID_CREDENTIALS");
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect(await auditActions(ctx, org, disabled.id)).toEqual(["sign_in_failed"]);
  });

  test("a deleted contact or customer cannot sign in", async () => {
    const gone = await buildCustomer(ctx, org, "Gone");
    await setPassword(ctx, org, contact(gone).id, GOOD_PASSWORD);
    expect((await login(ctx, org, contact(gone).email, GOOD_PASSWORD)).res.statusCode).toBe(200);
    const del = await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${gone.id}`,
      headers: { cookie: org.cookie },
    });
    expect(del.statusCode).toBeLessThan(300);
    expect((await login(ctx, org, contact(gone).email, GOOD_PASSWORD)).res.json().code).toBe(
      "INVALID_CREDENTIALS",
    );
  });

  test("invalid input answers 400 naming the field", async () => {
    const res = await post(ctx, `/api/portal/${org.slug}/login`, { email: "not-an-email", password: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("body.email");
  });

  test("several contacts of one organisation with one email: the one with a password, then the oldest", async () => {
    const shared = `shared-${Date.now()}@example.com`;
    const a = await buildCustomer(ctx, org, "Dup A");
    const b = await buildCustomer(ctx, org, "Dup B");
    await updateContact(ctx, org, contact(a).id, { email: shared });
    await updateContact(ctx, org, contact(b).id, { email: shared.toUpperCase() });
    await setPassword(ctx, org, contact(b).id, GOOD_PASSWORD);
    const signed = await login(ctx, org, shared, GOOD_PASSWORD);
    expect((await me(org, signed.cookie)).json().contact.id).toBe(contact(b).id);
    await setPassword(ctx, org, contact(a).id, OTHER_PASSWORD);
    expect((await login(ctx, org, shared, GOOD_PASSWORD)).res.statusCode).toBe(401);
    const oldest = await login(ctx, org, shared, OTHER_PASSWORD);
    expect((await me(org, oldest.cookie)).json().contact.id).toBe(contact(a).id);
  });
});

describe("one person, two organisations (D7)", () => {
  test("separate accounts, passwords and sessions", async () => {
    const email = `both-${Date.now()}@example.com`;
    const inA = await buildCustomer(ctx, org, "D7 A");
    const inB = await buildCustomer(ctx, otherOrg, "D7 B");
    await updateContact(ctx, org, contact(inA).id, { email });
    await updateContact(ctx, otherOrg, contact(inB).id, { email });
    await setPassword(ctx, org, contact(inA).id, GOOD_PASSWORD);
    await setPassword(ctx, otherOrg, contact(inB).id, OTHER_PASSWORD);

    expect((await login(ctx, org, email, OTHER_PASSWORD)).res.statusCode).toBe(401);
    expect((await login(ctx, otherOrg, email, GOOD_PASSWORD)).res.statusCode).toBe(401);
    const a = await login(ctx, org, email, GOOD_PASSWORD);
    const b = await login(ctx, otherOrg, email, OTHER_PASSWORD);
    expect(a.cookie.split("=")[0]).not.toBe(b.cookie.split("=")[0]);
    expect((await me(org, a.cookie)).json().contact.id).toBe(contact(inA).id);
    expect((await me(otherOrg, b.cookie)).json().contact.id).toBe(contact(inB).id);
    // One portal's cookie opens nothing in the other.
    expect((await me(otherOrg, a.cookie)).statusCode).toBe(401);
    expect((await me(org, b.cookie)).statusCode).toBe(401);
  });
});

describe("change password (D5)", () => {
  const change = (cookie: string, body: object) =>
    post(ctx, `/api/portal/${org.slug}/password/change`, body, { cookie });

  test("refusals carry their codes and change nothing", async () => {
    const c = await buildCustomer(ctx, org, "Changer");
    await setPassword(ctx, org, contact(c).id, GOOD_PASSWORD);
    const { cookie } = await login(ctx, org, contact(c).email, GOOD_PASSWORD);
    const cases: [object, string, string][] = [
      [
        { currentPassword: OTHER_PASSWORD, newPassword: OTHER_PASSWORD, confirm: OTHER_PASSWORD },
        "WRONG_PASSWORD",
        "body.currentPassword",
      ],
      [
        { currentPassword: GOOD_PASSWORD, newPassword: OTHER_PASSWORD, confirm: "something-else-entirely" },
        "PASSWORD_MISMATCH",
        "body.confirm",
      ],
      [
        { currentPassword: GOOD_PASSWORD, newPassword: "short-pass", confirm: "short-pass" },
        "PASSWORD_TOO_SHORT",
        "body.newPassword",
      ],
      [
        { currentPassword: GOOD_PASSWORD, newPassword: "password1234", confirm: "password1234" },
        "PASSWORD_BREACHED",
        "body.newPassword",
      ],
    ];
    for (const [body, code, field] of cases) {
      const res = await change(cookie, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe(code);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect((await login(ctx, org, contact(c).email, GOOD_PASSWORD)).res.statusCode).toBe(200);
    expect(
      (
        await change("", {
          currentPassword: GOOD_PASSWORD,
          newPassword: OTHER_PASSWORD,
          confirm: OTHER_PASSWORD,
        })
      ).statusCode,
    ).toBe(401);
  });

  test("success keeps this session, ends the others and emails the contact", async () => {
    const c = await buildCustomer(ctx, org, "Changed");
    await setPassword(ctx, org, contact(c).id, GOOD_PASSWORD);
    const here = await login(ctx, org, contact(c).email, GOOD_PASSWORD);
    const elsewhere = await login(ctx, org, contact(c).email, GOOD_PASSWORD);
    const res = await change(here.cookie, {
      currentPassword: GOOD_PASSWORD,
      newPassword: OTHER_PASSWORD,
      confirm: OTHER_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect((await me(org, here.cookie)).statusCode).toBe(200);
    expect((await me(org, elsewhere.cookie)).statusCode).toBe(401);
    expect((await login(ctx, org, contact(c).email, GOOD_PASSWORD)).res.statusCode).toBe(401);
    expect((await login(ctx, org, contact(c).email, OTHER_PASSWORD)).res.statusCode).toBe(200);
    const [mail] = await emailsTo(ctx, org, contact(c).email, "password_changed");
    expect(mail?.textBody).toContain(`https://portico.test/p/${org.slug}/login`);
    expect(await auditActions(ctx, org, contact(c).id)).toContain("password_changed");
  });

  test("a contact who came by a document link and never set a password gets WRONG_PASSWORD", async () => {
    const c = await buildCustomer(ctx, org, "Linked");
    const cookie = await contactSessionCookie(ctx, org, c, "link", contact(c).id);
    const body = { currentPassword: "", newPassword: OTHER_PASSWORD, confirm: OTHER_PASSWORD };
    expect((await change(cookie, body)).json().code).toBe("WRONG_PASSWORD");
  });

  test("a staff preview cannot change the password", async () => {
    const preview = await contactSessionCookie(ctx, org, customer, "preview", contact(customer).id);
    const res = await change(preview, {
      currentPassword: GOOD_PASSWORD,
      newPassword: OTHER_PASSWORD,
      confirm: OTHER_PASSWORD,
    });
    expect(res.json().code).toBe("PREVIEW_READ_ONLY");
  });
});
