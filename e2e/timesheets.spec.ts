import { expect, test } from "@playwright/test";
import { DEMO_PORTAL, englishContext, ok, signInContact, signInStaff } from "./helpers.js";

// Issue 15 §5 (E7, E8): staff log time and send it for approval; the contact rejects it with a reason;
// staff fix it and send it again; the contact approves; staff invoice the approved time; the contact pays.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("time is approved in the portal, invoiced and paid", async ({ browser }) => {
  test.setTimeout(180_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const request = page.request;
  const email = `ana.${unique}@hours.example`;
  const password = `walnut meadow ${unique} nine`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `Hours Co ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Ana Horas", email, isPrimary: true }],
      },
    }),
    201,
  );
  await ok(
    await request.post(`/api/customers/${customer.id}/contacts/${customer.contacts[0].id}/portal-access`, {
      data: { mode: "password", password },
    }),
  );
  const settings = await ok(await request.get("/api/portal-settings"));
  await ok(
    await request.put("/api/portal-settings", {
      data: { ...settings, options: { ...settings.options, showProjects: true } },
    }),
  );
  const projectName = `Audit ${unique}`;
  const project = await ok(
    await request.post("/api/projects", {
      data: {
        customerId: customer.id,
        name: projectName,
        hourlyRateMinor: 6000,
        visibleInPortal: true,
        needsApproval: true,
      },
    }),
    201,
  );
  const entry = await ok(
    await request.post("/api/time-entries", {
      data: { projectId: project.id, workDate: day(-2), minutes: 120, notes: "Interviews" },
    }),
    201,
  );
  await ok(
    await request.post("/api/time-entries", {
      data: { projectId: project.id, workDate: day(-1), minutes: 30, notes: "Report" },
    }),
    201,
  );

  const send = async () => {
    await page.goto(`/app/projects/${project.id}`);
    const card = page.getByRole("region", { name: "Send time for approval" });
    await card.getByLabel("From").fill(day(-7));
    await card.getByLabel("To").fill(day(0));
    await card.getByRole("button", { name: "Send for approval" }).click();
    await expect(page.getByText("Time sent for approval")).toBeVisible();
    await expect(card.getByText("Awaiting approval")).toBeVisible();
  };
  await test.step("staff send the time for approval", send);

  const contact = await englishContext(browser);
  const portal = await contact.newPage();
  await signInContact(portal, email, password);

  await test.step("the contact rejects it with a reason", async () => {
    await portal.getByRole("link", { name: "Timesheets" }).click();
    await portal.getByRole("link", { name: projectName }).click();
    await expect(portal.getByRole("heading", { level: 1, name: `Time of ${projectName}` })).toBeVisible();
    await portal.getByRole("button", { name: "Reject", exact: true }).click();
    const dialog = portal.getByRole("dialog", { name: "Reject the time" });
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect(dialog.getByText(/required/i)).toBeVisible();
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("The interviews took 1 hour");
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect(portal.getByRole("status").filter({ hasText: "The interviews took 1 hour" })).toBeVisible();
  });

  await test.step("staff fix the entry and send the time again", async () => {
    await ok(
      await request.put(`/api/time-entries/${entry.id}`, {
        data: { projectId: project.id, workDate: day(-2), minutes: 60, notes: "Interviews" },
      }),
    );
    await send();
  });

  await test.step("the contact approves it", async () => {
    await portal.goto(`${DEMO_PORTAL}/timesheets?status=pending`);
    await portal.getByRole("link", { name: projectName }).click();
    await portal.getByRole("button", { name: "Approve the time" }).click();
    const dialog = portal.getByRole("dialog", { name: "Approve this time?" });
    await expect(dialog).toContainText("1.5 h");
    await dialog.getByRole("button", { name: "Approve" }).click();
    await expect(portal.getByRole("status").filter({ hasText: /^Approved on/ })).toBeVisible();
  });

  await test.step("staff see both timesheets in the list, with their count and hours", async () => {
    await page.goto(`/app/timesheets?customerId=${customer.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Timesheets" })).toBeVisible();
    await expect(page.getByText("Timesheets: 2")).toBeVisible();
    const table = page.getByRole("table", { name: "Timesheets" });
    await expect(table.getByText("Approved", { exact: true })).toBeVisible();
    await expect(table.getByText("Rejected", { exact: true })).toBeVisible();
  });

  let invoiceId = "";
  await test.step("staff invoice the approved time", async () => {
    await page.goto(`/app/projects/${project.id}`);
    await page.getByRole("button", { name: "Invoice time" }).click();
    const dialog = page.getByRole("dialog", { name: "Invoice the project's time" });
    await dialog.getByRole("button", { name: "Create invoice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft invoice" })).toBeVisible();
    invoiceId = /\/invoices\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
    expect(invoiceId).not.toBe("");
    // Only the approved time, at its corrected length: 1.5 h × €60 = €90.00 before tax, on the page and
    // in the stored invoice.
    await expect(page.getByText("€90.00").first()).toBeVisible();
    const draft = await ok(await request.get(`/api/invoices/${invoiceId}`));
    expect(draft.subtotalMinor).toBe(9000);
    await ok(await request.post(`/api/invoices/${invoiceId}/issue`, { data: {} }));
  });

  await test.step("the contact pays it on the sandbox gateway", async () => {
    await portal.goto(`${DEMO_PORTAL}/invoices/${invoiceId}`);
    await portal.getByRole("button", { name: /^Pay now/ }).click();
    await expect(portal).toHaveURL(/\/sandbox\/checkout\/[0-9a-f-]{36}/);
    await portal.getByRole("button", { name: /^(Pay|Pagar)$/ }).click();
    await expect(portal.getByText("Payment received!")).toBeVisible();
  });

  await ok(await request.put("/api/portal-settings", { data: settings }));
  await contact.close();
  await staff.close();
});
