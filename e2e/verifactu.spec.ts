import { readFile } from "node:fs/promises";
import { type Download, expect, type Page, test } from "@playwright/test";
import { DOMParser } from "@xmldom/xmldom";
import { PDFParse } from "pdf-parse";
import { makeTestPkcs12 } from "../src/server/modules/einvoice-facturae/test-certificate.js";
import { decodePdfQr } from "../src/server/modules/verifactu-xml/test-support.js";
import { englishContext, ok, signUpOwner } from "./helpers.js";

// Issue 17's journey (decisions 049–053), in an organisation of its own: VERI*FACTU mode refuses
// non-euro invoices, so the demo organisation, which other specs share, is left alone. The owner gives
// the organisation its NIF and address, uploads a signing certificate and turns VERI*FACTU mode on, all in
// Settings; issues an invoice (API) and a rectifying credit note (UI); the contact downloads the PDF (legend
// and QR decoded), the UBL and the signed Facturae from the portal; the owner verifies the chain of 2.
const NIF = "B12345674";
const CUSTOMER_NIF = "A58818501";
const CERT_PASSWORD = "portico e2e certificate";
const DAY_MS = 86_400_000;

const saved = async (download: Download) => readFile(await download.path());
const xmlOf = (bytes: Buffer) => new DOMParser().parseFromString(bytes.toString("utf8"), "text/xml");
const textOf = (doc: ReturnType<typeof xmlOf>, tag: string) =>
  Array.from(doc.getElementsByTagName(tag)).map((el) => el.textContent ?? "");

async function downloadBy(page: Page, name: string | RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole(typeof name === "string" ? "button" : "link", { name })
      .first()
      .click(),
  ]);
  return download;
}

test("VERI*FACTU: invoice and rectifying invoice, the contact's PDF with QR, UBL and Facturae, verify chain", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await englishContext(browser);
  const page = await context.newPage();
  const owner = await signUpOwner(page, "vf");

  await test.step("Settings › Organisation: NIF and address, then the signing certificate", async () => {
    await page.goto("/app/settings/organisation");
    const form = page.locator("form").filter({ has: page.getByRole("textbox", { name: "Tax ID" }) });
    await form.getByRole("textbox", { name: "Legal name" }).fill(`${owner.organisationName} SL`);
    await form.getByRole("textbox", { name: "Tax ID" }).fill(NIF);
    await form.getByRole("textbox", { name: "Address", exact: true }).fill("Calle Mayor 1");
    await form.getByRole("textbox", { name: "City" }).fill("Madrid");
    await form.getByRole("textbox", { name: "Postal code" }).fill("28013");
    await form.getByRole("textbox", { name: "Region" }).fill("Madrid");
    await form.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Changes saved")).toBeVisible();

    const card = page.getByRole("region", { name: "Signing certificate" });
    await expect(card.getByText(/No certificate yet/)).toBeVisible();
    const now = Date.now();
    const p12 = makeTestPkcs12({
      password: CERT_PASSWORD,
      notBefore: new Date(now - 60 * DAY_MS),
      notAfter: new Date(now + 3 * 365 * DAY_MS),
      nif: NIF,
    });
    await card
      .locator('input[type="file"]')
      .setInputFiles({ name: "firma.p12", mimeType: "application/x-pkcs12", buffer: p12 });
    await card.getByLabel("Certificate password").fill(CERT_PASSWORD);
    await card.getByRole("button", { name: "Upload certificate" }).click();
    await expect(page.getByText("Certificate saved")).toBeVisible();
    await expect(card).toContainText("Portico Test Signer");
    await expect(card.getByRole("button", { name: "Replace certificate" })).toBeVisible();
  });

  await test.step("Settings › VERI*FACTU: the mode turned on", async () => {
    await page.goto("/app/settings/verifactu");
    await expect(page.getByText(`Issuer: NIF ${NIF}`)).toBeVisible();
    const mode = page.getByRole("switch", { name: "VERI*FACTU mode" });
    await expect(mode).not.toBeChecked();
    await mode.click();
    await expect(mode).toBeChecked();
    await expect(page.getByText("No records yet")).toBeVisible();
  });

  const unique = owner.slug;
  const email = `pablo.${unique}@customer.example`;
  const password = `amber harbour ${unique} seven`;
  const { invoice } =
    await test.step("an invoice issued (API) for a customer with a portal contact", async () => {
      const customer = await ok(
        await page.request.post("/api/customers", {
          data: {
            kind: "company",
            name: "Cliente Verificable SA",
            taxId: CUSTOMER_NIF,
            email: `billing.${unique}@customer.example`,
            addressLine1: "Gran Vía 2",
            city: "Madrid",
            postalCode: "28013",
            region: "Madrid",
            country: "ES",
            currency: "EUR",
            paymentTermsDays: 30,
            mayPayByBank: false,
            contacts: [{ name: "Pablo Pagos", email, isPrimary: true }],
          },
        }),
        201,
      );
      await ok(
        await page.request.post(
          `/api/customers/${customer.id}/contacts/${customer.contacts[0].id}/portal-access`,
          {
            data: { mode: "password", password },
          },
        ),
      );
      const draft = await ok(
        await page.request.post("/api/invoices", {
          data: {
            customerId: customer.id,
            lines: [{ description: "Consultoría VERI*FACTU", quantityMilli: 1000, unitPriceMinor: 10000 }],
          },
        }),
        201,
      );
      const invoice = await ok(await page.request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
      expect(invoice.verifactuQrUrl).toContain(`nif=${NIF}`);
      return { invoice };
    });

  await test.step("a rectifying credit note issued in the back office", async () => {
    await page.goto(`/app/invoices/${invoice.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "VERI*FACTU QR code" })).toBeVisible();
    await page.getByRole("link", { name: "Create credit note" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New credit note" })).toBeVisible();
    const rectification = page.getByRole("group", { name: "Correction" });
    await expect(rectification).toContainText(invoice.number);
    await rectification.getByRole("combobox", { name: /^Correction type/ }).click();
    await page.getByRole("option", { name: "R1 · Error based on law" }).click();
    await rectification.getByRole("textbox", { name: /^Reason/ }).fill("Wrong quantity invoiced");
    await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("20");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft credit note" })).toBeVisible();
    await page.getByRole("button", { name: "Issue", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Credit note / })).toBeVisible();
    await expect(page.getByRole("region", { name: "VERI*FACTU QR code" })).toBeVisible();
  });

  await test.step("the contact downloads the PDF with the QR, the UBL and the Facturae file", async () => {
    const portalContext = await englishContext(browser, { acceptDownloads: true });
    const portal = await portalContext.newPage();
    await portal.goto(`/p/${owner.slug}/login`);
    await portal.getByRole("textbox", { name: "Email" }).fill(email);
    await portal.getByLabel(/^Password/).fill(password);
    await portal.getByRole("button", { name: "Sign in" }).click();
    await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
    await portal.goto(`/p/${owner.slug}/invoices/${invoice.id}`);
    await expect(portal.getByRole("heading", { level: 1 })).toContainText(invoice.number);
    const qr = portal.getByRole("region", { name: "VERI*FACTU QR code" });
    await expect(qr).toContainText("Factura verificable en la sede electrónica de la AEAT");
    await expect(qr.getByRole("link")).toHaveAttribute("href", invoice.verifactuQrUrl);

    const pdf = await saved(await downloadBy(portal, /^Download PDF/));
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("VERI*FACTU");
    expect(text).toContain("Factura verificable en la sede electrónica de la AEAT");
    expect(text).toContain(invoice.number);
    expect((await decodePdfQr(pdf))?.text).toBe(invoice.verifactuQrUrl);

    const ubl = xmlOf(await saved(await downloadBy(portal, "Download e-invoice (UBL)")));
    expect(textOf(ubl, "cbc:CustomizationID")).toEqual([
      "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
    ]);
    expect(textOf(ubl, "cbc:ID")[0]).toBe(invoice.number);

    const facturae = xmlOf(await saved(await downloadBy(portal, "Download Facturae")));
    expect(textOf(facturae, "InvoiceNumber")).toContain(invoice.number);
    expect(facturae.getElementsByTagName("ds:Signature")).toHaveLength(1);
    expect(textOf(facturae, "TaxIdentificationNumber")).toEqual(
      expect.arrayContaining([expect.stringContaining(NIF), expect.stringContaining(CUSTOMER_NIF)]),
    );
    await portalContext.close();
  });

  await test.step("the owner verifies the chain: whole, 2 records", async () => {
    await page.goto("/app/settings/verifactu");
    const records = page.getByRole("table", { name: "Billing records" });
    await expect(records.getByRole("row")).toHaveCount(3);
    await expect(records).toContainText(invoice.number);
    await page.getByRole("button", { name: "Verify chain" }).click();
    const outcome = page.getByRole("status").filter({ hasText: "The chain is intact" });
    await expect(outcome).toContainText("The fingerprints of all 2 records were recomputed and match");
  });
  await context.close();
});
