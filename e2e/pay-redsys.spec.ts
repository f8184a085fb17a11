import { type APIRequestContext, expect, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// Issue 13, RedSys: a contact pays an invoice through RedSys' payment page (the in-repo fake that
// scripts/test-e2e.sh starts and points REDSYS_BASE at); only RedSys' server notification marks it paid.
const PORTAL = "/p/estudio-nube";

interface Answer {
  id: string;
  contacts: { id: string }[];
  enabled: string[];
}

async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, status = 200): Promise<Answer> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as Answer;
}

test("a contact pays an invoice on RedSys' page", async ({ browser }) => {
  test.skip(!process.env.REDSYS_BASE, "needs the RedSys fake that scripts/test-e2e.sh starts");
  test.setTimeout(90_000);
  const unique = Date.now().toString(36);
  const email = `jordi.${unique}@redsys.example`;
  const password = `granite harbour ${unique} seven`;

  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const { request } = page;
  const before = await ok(await request.get("/api/payment-gateways"));
  try {
    const invoice = await test.step("staff set RedSys up and invoice a customer", async () => {
      await ok(
        await request.put("/api/payment-gateways/redsys/credentials", {
          data: { merchantCode: "999008881", terminal: "1", secretKey: "sq7HjrUOBfKmC576ILgskD5srU870gJ7" },
        }),
      );
      expect(await ok(await request.post("/api/payment-gateways/redsys/test"))).toEqual({ ok: true });
      // RedSys alone while this spec runs (an invoice offers the gateways enabled both when it is made and
      // when it is paid); the demo's own setting comes back at the end.
      await ok(await request.put("/api/payment-gateways", { data: { enabled: ["redsys"] } }));
      const customer = await ok(
        await request.post("/api/customers", {
          data: {
            name: `Redsys Buyer ${unique}`,
            contacts: [{ name: "Jordi Pagos", email, isPrimary: true }],
          },
        }),
        201,
      );
      await ok(
        await request.post(
          `/api/customers/${customer.id}/contacts/${customer.contacts[0]?.id}/portal-access`,
          {
            data: { mode: "password", password },
          },
        ),
      );
      const draft = await ok(
        await request.post("/api/invoices", {
          data: {
            customerId: customer.id,
            lines: [{ description: "Card payment", quantityMilli: 1000, unitPriceMinor: 10000 }],
          },
        }),
        201,
      );
      return await ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
    });

    const contact = await englishContext(browser);
    const portal = await contact.newPage();
    await test.step("the contact pays on RedSys' page and comes back to a paid invoice", async () => {
      await portal.goto(`${PORTAL}/login`);
      await portal.getByRole("textbox", { name: "Email" }).fill(email);
      await portal.getByLabel(/^Password/).fill(password);
      await portal.getByRole("button", { name: "Sign in" }).click();
      await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
      await portal.goto(`${PORTAL}/invoices/${invoice.id}`);
      await portal.getByRole("button", { name: "Pay now" }).click();
      // Portico's page posts the signed form to RedSys at once.
      await expect(portal).toHaveURL(new RegExp(`^${process.env.REDSYS_BASE}/sis/realizarPago`));
      await expect(portal.getByText("121.00 EUR")).toBeVisible();
      await portal.getByRole("button", { name: "Pagar" }).click();
      await expect(portal).toHaveURL(/payment=succeeded/);
      await expect(portal.getByRole("table", { name: "Total" })).toContainText(/Amount due\s*€0\.00/, {
        timeout: 15_000,
      });
    });

    await test.step("the back office sees the invoice paid by RedSys", async () => {
      const detail = await (await request.get(`/api/invoices/${invoice.id}`)).json();
      expect(detail.status).toBe("paid");
    });
  } finally {
    await ok(await request.put("/api/payment-gateways", { data: { enabled: before.enabled } }));
  }
});
