import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
import type { es } from "../src/web/i18n/es.js";
import { DEMO } from "./helpers.js";

// Every page of both apps (issue 10, items 5, 9 and 13), reached with the data `npm start` seeds. Other
// specs add to that data before this one runs, so ids are looked up, never assumed; what the seed
// lacks (a draft invoice, a quote waiting for an answer) is created once and reused by later runs.
export const PORTAL = `/p/${"estudio-nube"}`;
export const CONTACT = { email: "laura@acme.example", password: "acme-portal-demo-2026" };

export type Messages = typeof es;

export interface DemoIds {
  customer: string;
  draftInvoice: string;
  issuedInvoice: string;
  quote: string;
  openQuote: string;
  salesOrder: string;
  project: string;
  payment: string;
  email: string;
  recurringProfile: string;
}

export interface WalkPage {
  name: string;
  app: "admin" | "portal";
  /** Public pages are walked before signing in. */
  signedIn: boolean;
  path: (ids: DemoIds) => string;
  /**
   * Opens a dialog, a menu or a message once the page is ready, and returns what appeared: axe checks
   * just that (the page behind it had its own step), the language check the whole page.
   */
  open?: (page: Page, m: Messages) => Promise<Locator>;
  /**
   * Walked on the phone too. Every portal and public page is; of the back office's signed-in pages,
   * a sample of each layout (shell with its menu, list, detail, form, dialog), to keep the walk short.
   */
  phone: boolean;
}

const PHONE_ADMIN = new Set(["dashboard", "invoices", "issued invoice", "customer", "new customer"]);

const admin = (name: string, path: WalkPage["path"], signedIn = true): WalkPage => ({
  name: `admin ${name}`,
  app: "admin",
  signedIn,
  path: (ids) => `/app${path(ids)}`,
  phone: !signedIn || PHONE_ADMIN.has(name),
});
const portal = (name: string, path: WalkPage["path"], signedIn = true): WalkPage => ({
  name: `portal ${name}`,
  app: "portal",
  signedIn,
  path: (ids) => `${PORTAL}${path(ids)}`,
  phone: true,
});
const opened = (page: WalkPage, name: string, open: NonNullable<WalkPage["open"]>): WalkPage => ({
  ...page,
  name: `${page.name}, ${name}`,
  open,
});

/** A message the server words: a refused sign-in (an unknown address, so no account gets throttled). */
async function refusedSignIn(page: Page): Promise<Locator> {
  await page.locator("input[type=email]").fill("nobody@walk.example");
  await page.locator("input[type=password]").fill("not the password at all");
  await page.locator("button[type=submit]").click();
  return page.getByRole("alert");
}

export const PAGES: WalkPage[] = [
  admin("sign-in", () => "/login", false),
  opened(
    admin("sign-in", () => "/login", false),
    "refused",
    refusedSignIn,
  ),
  admin("sign-up", () => "/signup", false),
  admin("forgot password", () => "/forgot-password", false),
  admin("reset password (bad link)", () => "/reset-password?token=not-a-real-token", false),
  portal("sign-in", () => "/login", false),
  opened(
    portal("sign-in", () => "/login", false),
    "refused",
    refusedSignIn,
  ),
  portal("forgot password", () => "/forgot-password", false),
  portal("reset password (bad link)", () => "/reset-password?token=not-a-real-token", false),
  portal("invitation (bad link)", () => "/invitation/not-a-real-token", false),
  {
    name: "portal unknown organisation",
    app: "portal",
    signedIn: false,
    path: () => "/p/no-such-organisation/",
    phone: true,
  },

  admin("dashboard", () => "/"),
  admin("customers", () => "/customers"),
  admin("customer", (ids) => `/customers/${ids.customer}`),
  opened(
    admin("customer", (ids) => `/customers/${ids.customer}`),
    "add contact dialog",
    async (page, m) => {
      await page.getByRole("button", { name: m.admin.contacts.add, exact: true }).click();
      return page.getByRole("dialog");
    },
  ),
  admin("import", () => "/customers/import"),
  admin("new customer", () => "/customers/new"),
  opened(
    admin("new customer", () => "/customers/new"),
    "sent empty",
    async (page) => {
      await page.locator("button[type=submit]").click();
      await page.locator("[aria-invalid=true]").first().waitFor();
      return page.locator("form");
    },
  ),
  admin("invoices", () => "/invoices"),
  opened(
    admin("invoices", () => "/invoices"),
    "more menu",
    async (page, m) => {
      await page.getByRole("button", { name: m.moneyAdmin.list.more, exact: true }).click();
      await page.getByRole("menuitem").first().waitFor();
      return page.getByRole("menu");
    },
  ),
  admin("draft invoice", (ids) => `/invoices/${ids.draftInvoice}`),
  admin("issued invoice", (ids) => `/invoices/${ids.issuedInvoice}`),
  opened(
    admin("issued invoice", (ids) => `/invoices/${ids.issuedInvoice}`),
    "send dialog",
    async (page, m) => {
      await page.getByRole("button", { name: m.admin.detail.send, exact: true }).click();
      return page.getByRole("dialog");
    },
  ),
  admin("invoice editor (new)", () => "/invoices/new"),
  admin("invoice editor (draft)", (ids) => `/invoices/${ids.draftInvoice}/edit`),
  admin("quotes", () => "/quotes"),
  admin("quote", (ids) => `/quotes/${ids.quote}`),
  admin("quote editor", () => "/quotes/new"),
  admin("sales orders", () => "/sales-orders"),
  admin("sales order", (ids) => `/sales-orders/${ids.salesOrder}`),
  admin("sales order editor", () => "/sales-orders/new"),
  admin("projects", () => "/projects"),
  admin("project", (ids) => `/projects/${ids.project}`),
  admin("timesheets", () => "/timesheets"),
  opened(
    admin("project", (ids) => `/projects/${ids.project}`),
    "invoice time dialog",
    async (page, m) => {
      await page.getByRole("button", { name: m.projects.invoiceTime.open, exact: true }).click();
      return page.getByRole("dialog");
    },
  ),
  admin("payments", () => "/payments"),
  admin("payment", (ids) => `/payments/${ids.payment}`),
  admin("record payment", () => "/payments/new"),
  admin("outbox", () => "/outbox"),
  admin("email", (ids) => `/outbox/${ids.email}`),
  admin("background jobs", () => "/background-jobs"),
  admin("recurring invoices", () => "/recurring"),
  admin("recurring profile", (ids) => `/recurring/${ids.recurringProfile}`),
  admin("recurring profile editor", () => "/recurring/new"),
  admin("portal access", () => "/portal-access"),
  admin("settings organisation", () => "/settings/organisation"),
  // Field errors the server finds (issue 10 item 6); nothing is saved, as both values are refused.
  opened(
    admin("settings organisation", () => "/settings/organisation"),
    "refused fields",
    async (page, m) => {
      await page
        .getByRole("textbox", { name: m.admin.settings.website, exact: true })
        .fill("not a web address");
      await page.getByRole("textbox", { name: m.admin.settings.iban, exact: true }).fill("ES00 0000");
      await page.locator("button[type=submit]").click();
      await page.locator("[aria-invalid=true]").first().waitFor();
      return page.locator("form");
    },
  ),
  admin("settings taxes", () => "/settings/taxes"),
  admin("settings portal", () => "/settings/portal"),
  admin("settings notifications", () => "/settings/notifications"),
  admin("settings reminders", () => "/settings/reminders"),
  admin("settings api keys", () => "/settings/api-keys"),
  admin("settings team", () => "/settings/team"),
  admin("settings email templates", () => "/settings/email-templates"),
  admin("settings email template editor", () => "/settings/email-templates?template=invoice_sent&lang=es"),
  admin("change password", () => "/account/password"),
  admin("not found", () => "/no-such-page"),
  admin("messages", () => "/messages"),
  admin("new message", () => "/messages/new"),
  admin("reviews", () => "/reviews"),

  portal("home", () => "/"),
  portal("invoices", () => "/invoices"),
  portal("invoice", (ids) => `/invoices/${ids.issuedInvoice}`),
  portal("quotes", () => "/quotes"),
  portal("quote", (ids) => `/quotes/${ids.quote}`),
  opened(
    portal("open quote", (ids) => `/quotes/${ids.openQuote}`),
    "accept dialog",
    async (page, m) => {
      await page.getByRole("button", { name: m.quotes.portal.accept, exact: true }).click();
      return page.getByRole("dialog");
    },
  ),
  portal("sales orders", () => "/sales-orders"),
  portal("sales order", (ids) => `/sales-orders/${ids.salesOrder}`),
  portal("payments", () => "/payments"),
  portal("receipt", (ids) => `/payments/${ids.payment}`),
  portal("statement", () => "/statement"),
  portal("my details", () => "/account"),
  portal("change password", () => "/account/password"),
  portal("messages", () => "/messages"),
  portal("review", () => "/review"),
  // Appointments (issue 16 §3): the back office's bookings and availability.
  admin("appointments", () => "/appointments"),
  admin("settings appointments", () => "/settings/appointments"),
  // Issue 17: Settings › VERI*FACTU, with the chain verified, and a rectifying credit note's editor (the
  // demo organisation is Spanish). The signing certificate is a card of Settings › Organisation, walked above.
  admin("settings verifactu", () => "/settings/verifactu"),
  opened(
    admin("settings verifactu", () => "/settings/verifactu"),
    "chain verified",
    async (page, m) => {
      await page.getByRole("button", { name: m.verifactu.verify, exact: true }).click();
      return page.getByRole("status").filter({ hasText: m.verifactu.verifiedTitle });
    },
  ),
  admin(
    "credit note editor (rectifying)",
    (ids) => `/invoices/new?kind=credit_note&customerId=${ids.customer}&corrects=${ids.issuedInvoice}`,
  ),
];

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

interface Row {
  id: string;
  status: string;
  customerName?: string;
  customerId?: string;
  kind?: string;
  requireSignature?: boolean;
}

/** Signs the request context in as staff, then finds (or makes) one record of each kind for Acme. */
export async function demoIds(request: APIRequestContext): Promise<DemoIds> {
  // Sign-ins are limited per address (10 a minute) and every spec signs in from 127.0.0.1: past the
  // limit, wait as the server's Retry-After says, as a person would.
  let login = await request.post("/api/auth/login", { data: DEMO });
  for (let attempt = 0; login.status() === 429 && attempt < 3; attempt++) {
    const seconds = Number(login.headers()["retry-after"] ?? "20");
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(seconds, 1), 60) * 1000));
    login = await request.post("/api/auth/login", { data: DEMO });
  }
  expect(login.status(), await login.text()).toBe(200);
  const customers = (await json<{ items: { id: string; name: string }[] }>(request, "/api/customers?q=Acme"))
    .items;
  const customer = customers.find((c) => c.name === "Acme Ibérica")?.id ?? "";
  expect(customer, "the demo customer Acme Ibérica").not.toBe("");
  const ofAcme = <T extends Row>(rows: T[]) => rows.filter((r) => r.customerId === customer);

  const invoices = ofAcme((await json<{ items: Row[] }>(request, "/api/invoices?limit=200")).items);
  const issuedInvoice = invoices.find((r) => r.kind === "invoice" && r.status !== "draft")?.id ?? "";
  let draftInvoice = invoices.find((r) => r.kind === "invoice" && r.status === "draft")?.id;
  if (!draftInvoice) {
    const res = await request.post("/api/invoices", {
      data: {
        customerId: customer,
        kind: "invoice",
        notes: null,
        terms: null,
        lines: [{ description: "Consultoría", quantityMilli: 2000, unitPriceMinor: 9000, discountBp: 0 }],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    draftInvoice = ((await res.json()) as { id: string }).id;
  }

  const quotes = ofAcme((await json<{ items: Row[] }>(request, "/api/quotes?limit=200")).items);
  const quote = quotes.find((r) => r.status === "accepted")?.id ?? quotes[0]?.id ?? "";
  let openQuote = quotes.find((r) => ["sent", "viewed"].includes(r.status))?.id;
  if (!openQuote) {
    const res = await request.post("/api/quotes", {
      data: {
        customerId: customer,
        notes: null,
        terms: null,
        requireSignature: true,
        lines: [{ description: "Auditoría web", quantityMilli: 1000, unitPriceMinor: 50000, discountBp: 0 }],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    openQuote = ((await res.json()) as { id: string }).id;
    const sent = await request.post(`/api/quotes/${openQuote}/send`, { data: {} });
    expect(sent.status(), await sent.text()).toBe(200);
  }

  const orders = ofAcme((await json<{ items: Row[] }>(request, "/api/sales-orders?limit=200")).items);
  const salesOrder = orders.find((r) => r.status !== "draft" && r.status !== "void")?.id ?? "";
  const project =
    ofAcme((await json<{ items: Row[] }>(request, "/api/projects?limit=200")).items)[0]?.id ?? "";
  const payment =
    ofAcme((await json<{ items: Row[] }>(request, "/api/payments?limit=200")).items)[0]?.id ?? "";
  const email = (await json<{ items: Row[] }>(request, "/api/outbox?limit=1")).items[0]?.id ?? "";
  let recurringProfile = (await json<{ items: Row[] }>(request, "/api/recurring-profiles?limit=1")).items[0]
    ?.id;
  if (!recurringProfile) {
    // A draft profile starting next year: it makes nothing while the walk runs.
    const start = `${new Date().getUTCFullYear() + 1}-01-31`;
    const res = await request.post("/api/recurring-profiles", {
      data: {
        customerId: customer,
        name: "Mantenimiento mensual",
        frequency: "monthly",
        startDate: start,
        mode: "draft",
        lines: [
          { description: "Mantenimiento web", quantityMilli: 1000, unitPriceMinor: 12000, discountBp: 0 },
        ],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    recurringProfile = ((await res.json()) as { id: string }).id;
  }
  const ids = {
    customer,
    draftInvoice,
    issuedInvoice,
    quote,
    openQuote,
    salesOrder,
    project,
    payment,
    email,
    recurringProfile,
  };
  for (const [kind, id] of Object.entries(ids)) expect(id, `a demo ${kind} to walk`).not.toBe("");
  return ids;
}

/** The portal session of the demo's primary contact, in the same browser context as staff's. */
export async function signInContact(request: APIRequestContext): Promise<void> {
  const res = await request.post(`/api/portal/estudio-nube/login`, { data: CONTACT });
  expect(res.status(), await res.text()).toBe(200);
}
