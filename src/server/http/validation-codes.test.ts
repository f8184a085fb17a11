import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { daysFromToday } from "../test/dates.js";
import { buildCustomer, buildOrg, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Validation Codes Org");
});
afterAll(() => ctx.close());

const staff = (method: "GET" | "PUT" | "POST", url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: org.cookie, "accept-language": "es" },
    ...(payload ? { payload } : {}),
  });

describe("validation errors carry a machine code and its params beside the English message", () => {
  test("an invalid IBAN, website and social link answer codes the client can render", async () => {
    const profile = (await staff("GET", "/api/organisation")).json();
    const before = JSON.stringify(profile);
    const res = await staff("PUT", "/api/organisation", {
      ...profile,
      iban: "not an iban",
      website: "no url here",
      socialLinks: ["also not a url"],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.detail).toBe("Algunos campos no son válidos.");
    const byField = Object.fromEntries(
      (body.errors as { field: string; message: string; code: string }[]).map((e) => [e.field, e]),
    ) as Record<string, { message: string; code: string; params?: Record<string, unknown> }>;
    expect(byField["body.iban"]).toMatchObject({ code: "invalid_iban", message: "not a valid IBAN" });
    expect(byField["body.website"]).toMatchObject({ code: "invalid_format", params: { format: "url" } });
    expect(byField["body.socialLinks.0"]).toMatchObject({
      code: "invalid_format",
      params: { format: "url" },
    });
    for (const e of Object.values(byField)) expect(typeof e.message).toBe("string");
    expect(JSON.stringify((await staff("GET", "/api/organisation")).json())).toBe(before);
  });

  test("a too-long name answers too_big with its maximum", async () => {
    const profile = (await staff("GET", "/api/organisation")).json();
    const res = await staff("PUT", "/api/organisation", { ...profile, name: "x".repeat(201) });
    expect(res.statusCode).toBe(400);
    const error = (res.json().errors as { field: string }[]).find((e) => e.field === "body.name");
    expect(error).toMatchObject({ code: "too_big", params: { maximum: 200, origin: "string" } });
  });

  test("a short, a long and a breached new password answer their codes with params", async () => {
    const change = (newPassword: string) =>
      staff("POST", "/api/auth/password/change", {
        currentPassword: org.password,
        newPassword,
        confirm: newPassword,
      });
    const short = await change("short");
    expect(short.json().code).toBe("PASSWORD_TOO_SHORT");
    expect(short.json().errors[0]).toMatchObject({ code: "too_short", params: { minimum: 12 } });
    const long = await change("x".repeat(129));
    expect(long.json().code).toBe("PASSWORD_TOO_LONG");
    expect(long.json().errors[0]).toMatchObject({ code: "too_big", params: { maximum: 128 } });
    const breached = await change("password1234");
    expect(breached.json().code).toBe("PASSWORD_BREACHED");
    expect(breached.json().errors[0]).toMatchObject({ code: "breached_password" });
  });

  test("dates out of order answer their codes", async () => {
    const customer = await buildCustomer(ctx, org, "Codes Customer");
    const line = { description: "Work", quantityMilli: 1000, unitPriceMinor: 10000 };
    const invoice = await staff("POST", "/api/invoices", {
      customerId: customer.id,
      issueDate: daysFromToday(-3),
      dueDate: daysFromToday(-4),
      lines: [line],
    });
    expect(invoice.statusCode).toBe(400);
    expect(invoice.json().errors[0]).toMatchObject({ field: "body.dueDate", code: "due_before_issue" });
    const quote = await staff("POST", "/api/quotes", {
      customerId: customer.id,
      issueDate: daysFromToday(10),
      expiryDate: daysFromToday(9),
      lines: [line],
    });
    expect(quote.statusCode).toBe(400);
    expect(quote.json().errors[0]).toMatchObject({ field: "body.expiryDate", code: "expiry_before_issue" });
  });

  test("refinements and the services' own field errors carry codes too (issue 10 item 6)", async () => {
    const customer = await buildCustomer(ctx, org, "More Codes Customer");
    const firstOf = async (res: Awaited<ReturnType<typeof staff>>) => {
      expect(res.headers["content-type"]).toContain("application/problem+json");
      return res.json().errors?.[0];
    };
    const line = { description: "Work", quantityMilli: 1000, unitPriceMinor: 10000 };
    expect(
      await firstOf(
        await staff("POST", "/api/invoices", {
          customerId: customer.id,
          lines: [{ ...line, taxIds: ["00000000-0000-4000-8000-000000000000"] }],
        }),
      ),
    ).toMatchObject({ field: "body.lines.0.taxIds.0", code: "unknown_tax" });
    expect(
      await firstOf(
        await staff("POST", "/api/invoices", {
          customerId: customer.id,
          issueDate: "1850-01-01",
          lines: [line],
        }),
      ),
    ).toMatchObject({
      field: "body.issueDate",
      code: "date_out_of_range",
      params: { minimum: "1900-01-01", maximum: "2199-12-31" },
    });
    expect(
      await firstOf(await staff("POST", "/api/customers", { name: "Money", currency: "XYZ" })),
    ).toMatchObject({
      field: "body.currency",
      code: "unsupported_currency",
    });
    expect(
      await firstOf(
        await staff("POST", "/api/auth/password/change", {
          currentPassword: "not the password at all",
          newPassword: "a long and unusual passphrase",
          confirm: "a long and unusual passphrase",
        }),
      ),
    ).toMatchObject({ field: "body.currentPassword", code: "wrong_password" });
    const statement = await staff(
      "GET",
      `/api/customers/${customer.id}/statement?from=${daysFromToday(-1)}&to=${daysFromToday(-5)}`,
    );
    expect(statement.json().code).toBe("STATEMENT_RANGE_REVERSED");
    expect(await firstOf(statement)).toMatchObject({ field: "querystring.from", code: "range_reversed" });
  });
});
