import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { emails, emailTemplates } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import { builtInEngine } from "../../email/templates.js";
import { buildCustomer, buildInvoice, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { joinTeam } from "../team/test-support.js";

const { ctx, org, otherOrg } = setUpTestApp("Templating", "Other Templating");
const db = () => ctx.database.db;
const url = (kind: string, lang: string, rest = "") => `/api/email-templates/${kind}/${lang}${rest}`;

const call = (
  o: TestOrg | { cookie: string },
  method: "GET" | "PUT" | "POST" | "DELETE",
  path: string,
  payload?: object,
) => ctx.app.inject({ method, url: path, headers: { cookie: o.cookie }, ...(payload ? { payload } : {}) });

const save = (o: TestOrg, kind: string, lang: string, subject: string, body: string) =>
  call(o, "PUT", url(kind, lang), { subject, body });

const outbox = (o: TestOrg, kind: string) =>
  withOrg(db(), o.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.orgId, o.orgId), eq(emails.kind, kind))),
  );

async function sendInvoiceTo(o: TestOrg, language: "es" | "en", name = "Cliente") {
  const customer = await buildCustomer(ctx, o, name, [
    {
      name: `${name} Contacto`,
      email: `${language}-${Math.random().toString(36).slice(2)}@example.com`,
      language,
      isPrimary: true,
    },
  ]);
  const invoice = await buildInvoice(ctx, o, customer.id, { issue: true });
  const sent = await call(o, "POST", `/api/invoices/${invoice.id}/send`, {});
  expect(sent.statusCode, sent.body).toBe(200);
  const to = customer.contacts[0]?.email as string;
  const [email] = (await outbox(o, "invoice_sent")).filter((e) => e.toAddress === to);
  if (!email) throw new Error("no invoice email");
  return email;
}

describe("email templates API", () => {
  test("lists the editable kinds, all default, and links the reminders elsewhere", async () => {
    const res = await call(org, "GET", "/api/email-templates");
    expect(res.statusCode, res.body).toBe(200);
    const kinds = res.json().items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "invitation",
        "invoice_sent",
        "quote_sent",
        "sales_order_sent",
        "payment_receipt",
        "password_reset",
      ]),
    );
    expect(res.json().items[0].customised).toEqual({ es: false, en: false });
    expect(res.json().elsewhere).toEqual([{ kind: "payment_reminder", path: "/settings/reminders" }]);
  });

  test("gets one kind per language: the built-in text, its variables with descriptions in that language", async () => {
    const res = await call(org, "GET", url("invoice_sent", "es"));
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json();
    expect(t.customised).toBe(false);
    expect(t.subject).toBe(t.defaults.subject);
    expect(t.subject).toContain("{{ number }}");
    expect(t.variables.find((v: { name: string }) => v.name === "number").description).toBe(
      "Número de la factura",
    );
    expect((await call(org, "GET", url("nope", "es"))).statusCode).toBe(404);
    expect((await call(org, "GET", url("invoice_sent", "fr"))).statusCode).toBe(404);
  });

  test("saves, the next invoice sent to a Spanish contact uses it, an English one keeps the built-in; restore default", async () => {
    const saved = await save(
      org,
      "invoice_sent",
      "es",
      "Tu factura {{ number }} de {{ org_name }}",
      "Hola {{ contact_name }}, te toca pagar {{ total_minor | money: currency }}.\n\n{{ button }}",
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().customised).toBe(true);
    const list = await call(org, "GET", "/api/email-templates");
    expect(list.json().items.find((i: { kind: string }) => i.kind === "invoice_sent").customised).toEqual({
      es: true,
      en: false,
    });

    const es = await sendInvoiceTo(org, "es", "<script>alert(1)</script> SL");
    expect(es.subject).toMatch(/^Tu factura .+ de Templating$/);
    expect(es.textBody).toContain("te toca pagar");
    expect(es.htmlBody).toContain("te toca pagar");
    expect(es.htmlBody).toContain("<a href=");
    const en = await sendInvoiceTo(org, "en");
    expect(en.subject).toMatch(/^Invoice .+ from Templating$/);

    // The other organisation is untouched.
    const other = await sendInvoiceTo(otherOrg, "es");
    expect(other.subject).toMatch(/^Factura .+ de Other Templating$/);

    const restored = await call(org, "DELETE", url("invoice_sent", "es"));
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().customised).toBe(false);
    const again = await sendInvoiceTo(org, "es");
    expect(again.subject).toMatch(/^Factura .+ de Templating$/);
  });

  test("a customer's name with <script> is escaped in the HTML of an organisation's text", async () => {
    await save(org, "invoice_sent", "en", "Invoice {{ number }}", "Dear {{ contact_name }}\n\n{{ button }}");
    const email = await sendInvoiceTo(org, "en", "<script>alert(1)</script>");
    expect(email.htmlBody).not.toContain("<script>");
    expect(email.htmlBody).toContain("&#60;script&#62;");
    expect(email.textBody).toContain("<script>alert(1)</script> Contacto");
    await call(org, "DELETE", url("invoice_sent", "en"));
  });

  test("preview renders the text being edited with sample data, saving nothing", async () => {
    const res = await call(org, "POST", url("invoice_sent", "es", "/preview"), {
      subject: "Factura {{ number }}",
      body: "Hola {{ contact_name }}: {{ total_minor | money: currency }} <b>negrita</b>\n\n{{ button }}",
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.subject).toBe("Factura F2026-0001");
    expect(p.text).toMatch(/Hola Laura Gómez: 121,00\s€ <b>negrita<\/b>/);
    expect(p.html).toContain("&#60;b&#62;negrita&#60;/b&#62;");
    expect(p.html).toContain("<a href=");
    const rows = await withOrg(db(), org.orgId, (tx) => tx.select().from(emailTemplates));
    expect(rows).toEqual([]);
  });

  test("test send goes to the signed-in staff member only, through the outbox", async () => {
    const admin = await joinTeam(ctx, org, "admin");
    const res = await call(admin, "POST", url("password_reset", "en", "/test"), {
      subject: "Reset for {{ org_name }}",
      body: "Hi {{ contact_name }}\n\n{{ button }}",
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().to).toBe(admin.email);
    const sent = await outbox(org, "password_reset_test");
    expect(sent.map((e) => e.toAddress)).toEqual([admin.email]);
    expect(sent[0]?.subject).toBe("[Test] Reset for Templating");
  });

  test("staff members (not owner or admin) may not read or change templates", async () => {
    const member = await joinTeam(ctx, org, "staff");
    expect((await call(member, "GET", "/api/email-templates")).statusCode).toBe(403);
    expect((await call(member, "GET", url("invoice_sent", "es"))).statusCode).toBe(403);
    const put = await call(member, "PUT", url("invoice_sent", "es"), { subject: "x", body: "y" });
    expect(put.statusCode).toBe(403);
  });

  test("an invitation or password reset must keep the personal link", async () => {
    const res = await save(org, "invitation", "es", "Hola", "Bienvenido a {{ org_name }}");
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors ?? res.json().fields).toBeDefined();
    expect(JSON.stringify(res.json())).toContain("template_button_required");
  });

  test("an organisation's invitation text is what a contact invited gets", async () => {
    const saved = await save(
      org,
      "invitation",
      "en",
      "Join {{ org_name }}",
      "Hi {{ contact_name }}, your user is {{ user_name }}.\n\n{{ button }}",
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const customer = await buildCustomer(ctx, org, "Invited", [
      { name: "Ina", email: `ina-${Date.now()}@example.com`, language: "en", isPrimary: true },
    ]);
    const contact = customer.contacts[0] as { id: string; email: string };
    const res = await call(
      org,
      "POST",
      `/api/customers/${customer.id}/contacts/${contact.id}/portal-access`,
      {
        mode: "invite",
      },
    );
    expect(res.statusCode, res.body).toBeLessThan(300);
    const [email] = (await outbox(org, "invitation")).filter((e) => e.toAddress === contact.email);
    expect(email?.subject).toBe("Join Templating");
    expect(email?.textBody).toContain(`your user is ${contact.email}.`);
    expect(email?.textBody).toMatch(/Accept invitation: https?:\/\/\S+\/invitation\//);
  });
});

describe("who reads an organisation's templates", () => {
  test("a contact's transaction renders with its organisation's text; another organisation never sees it", async () => {
    const saved = await save(
      org,
      "payment_receipt",
      "es",
      "Recibido, {{ contact_name }}",
      "Gracias por {{ amount_minor | money: currency }}.\n\n{{ button }}",
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const customer = await buildCustomer(ctx, org, "Reader");
    const vars = { contact_name: "Rita", amount_minor: 500, currency: "EUR", org_name: "Templating" };
    const asContact = await withContact(db(), org.orgId, customer.id, (tx) =>
      renderOrgEmail(tx, org.orgId, "payment_receipt", "es", vars),
    );
    expect(asContact.subject).toBe("Recibido, Rita");
    // Another organisation's scope, even asking for this organisation's id, gets the built-in text.
    const asOther = await withOrg(db(), otherOrg.orgId, (tx) =>
      renderOrgEmail(tx, org.orgId, "payment_receipt", "es", {
        ...vars,
        number: "F-1",
        due_minor: 0,
        reference: "r",
        receipt_number: "R-1",
      }),
    );
    expect(asOther.subject).toMatch(/^Recibo de tu pago/);
    await call(org, "DELETE", url("payment_receipt", "es"));
  });
});

/** Issue 16 §5: one test per attack. Each answers 422 quickly, names the problem and saves nothing. */
describe("Liquid safety of staff templates", () => {
  const refused = async (body: string, expected: RegExp, subject = "Invoice {{ number }}") => {
    const started = performance.now();
    const res = await save(otherOrg, "invoice_sent", "en", subject, body);
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe("EMAIL_TEMPLATE_INVALID");
    const field = JSON.stringify(res.json());
    expect(field).toMatch(expected);
    const rows = await withOrg(db(), otherOrg.orgId, (tx) => tx.select().from(emailTemplates));
    expect(rows).toEqual([]);
    return { res, ms };
  };

  test('{% include ".env" %} reads no file', async () => {
    await refused('{% include ".env" %}', /Failed to lookup/);
  });
  test('{% render "x" %} reads no file', async () => {
    await refused('Hello\n{% render "x" %}', /Failed to lookup.*line:2/);
  });
  test('{% layout "x" %} reads no file', async () => {
    await refused('{% layout "x" %}', /Failed to lookup/);
  });
  test("an unknown variable, even in a branch the samples do not reach, with its line", async () => {
    const { res } = await refused(
      "Hello\n\n{% if false %}{{ secret_key }}{% endif %}",
      /undefined variable: secret_key/,
    );
    const problem = res.json();
    const fields = problem.errors ?? problem.fields;
    expect(fields[0].field).toBe("body.body");
    expect(fields[0].params.line).toBe(3);
  });
  test("an unknown filter", async () => {
    await refused("{{ contact_name | evil }}", /undefined filter: evil/);
  });
  test("an unknown variable in the subject", async () => {
    await refused("Hi", /undefined variable: password/, "{{ password }}");
  });
  test("a parse error, with its line", async () => {
    await refused("Hello\n{% if contact_name %}", /not closed.*line:2/);
  });
  test("a 10^8 loop is answered quickly", async () => {
    const { ms } = await refused("{% for i in (1..100000000) %}{{ i }}{% endfor %}", /limit exceeded/);
    expect(ms).toBeLessThan(3000);
  });
  test("nested loops hit the render time limit", async () => {
    const { ms } = await refused(
      "{% for i in (1..10000) %}{% for j in (1..10000) %}{{ contact_name }}{% endfor %}{% endfor %}",
      /limit exceeded/,
    );
    expect(ms).toBeLessThan(5000);
  });
  test("a huge output hits the memory limit", async () => {
    await refused(
      '{% assign s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      /memory alloc limit exceeded/,
    );
  });
  test("| raw does not unescape: the HTML shows the markup as text", async () => {
    const res = await call(otherOrg, "POST", url("invoice_sent", "en", "/preview"), {
      subject: "Invoice {{ number }}",
      body: "{% assign x = '<img src=x onerror=alert(1)>' %}{{ x | raw }} {{ contact_name | raw }}",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().html).not.toContain("<img");
    expect(res.json().html).toContain("&#60;img src=x");
  });
  test("the built-in engine has no file system either", async () => {
    await expect(builtInEngine("en").parseAndRender('{% include ".env" %}', {})).rejects.toThrow(
      /Failed to lookup/,
    );
    await expect(builtInEngine("en").parseAndRender('{% render "package.json" %}', {})).rejects.toThrow(
      /Failed to lookup/,
    );
  });
});
