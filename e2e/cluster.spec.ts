import { expect, request, test } from "@playwright/test";
import { customerWithInvoice, DEMO, DEMO_PORTAL, englishContext, ok, signInContact } from "./helpers";

/**
 * Two app processes on one PostgreSQL (decision 056; scripts/test-e2e-cluster.sh starts them, with
 * playwright.cluster.config.ts): a comment staff write through process A appears, live, on a portal page
 * that a browser has open on process B. Not part of `npm run test:e2e` (it runs on PGlite apps).
 */
const A = process.env.E2E_CLUSTER_A ?? "";
const B = process.env.E2E_CLUSTER_B ?? "";

test("a comment written through process A appears live in a portal browser connected to process B", async ({
  browser,
}) => {
  expect(A && B && A !== B, "E2E_CLUSTER_A and E2E_CLUSTER_B name two processes").toBe(true);
  const staff = await request.newContext({ baseURL: A });
  await ok(await staff.post("/api/auth/login", { data: { email: DEMO.email, password: DEMO.password } }));
  const unique = Date.now().toString(36);
  const { email, password, invoice } = await customerWithInvoice(staff, {
    unique,
    name: `Cluster ${unique}`,
    email: `cluster.${unique}@e2e.example`,
    description: "Two processes",
  });

  const context = await englishContext(browser, { baseURL: B });
  const portal = await context.newPage();
  await signInContact(portal, email, password);
  // The page's event stream answers once its subscription on B is in place (realtime/event-stream.ts).
  const live = portal.waitForResponse((r) =>
    r.url().endsWith(`${DEMO_PORTAL.replace("/p/", "/api/portal/")}/events`),
  );
  await portal.goto(`${DEMO_PORTAL}/invoices/${invoice.id}`);
  const comments = portal.getByRole("region", { name: "Comments" });
  await expect(comments).toBeVisible();
  expect((await live).url().startsWith(B)).toBe(true);

  const text = `Written on process A (${unique})`;
  await ok(
    await staff.post(`/api/invoices/${invoice.id}/comments`, { data: { body: text, visibleInPortal: true } }),
    201,
  );
  // Never reloaded: the comment travels A → PostgreSQL NOTIFY → B's LISTEN → the page's event stream.
  await expect(comments.getByText(text)).toBeVisible({ timeout: 10_000 });
  await context.close();
  await staff.dispose();
});
