import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { englishContext, linkFromOutbox, signInStaff } from "./helpers.js";

// Issue 4's journey: staff quote a new customer and require a signature; the contact declines it with a
// reason; staff revise the price and send revision 2; the contact, on a phone, sees the history, signs
// with a finger and accepts; staff verify the evidence, convert the quote to an invoice, and the PDF
// carries the certificate of acceptance.
const LINK = /https?:\/\/\S+\/p\/[^/\s]+\/l\/[\w-]+/;

async function createCustomer(page: Page, name: string, contactName: string, email: string) {
  const res = await page.request.post("/api/customers", {
    data: {
      kind: "company",
      name,
      currency: "EUR",
      paymentTermsDays: 30,
      mayPayByBank: false,
      contacts: [{ name: contactName, email, isPrimary: true }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function sendFromDetail(page: Page, email: string) {
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Send quote" });
  await expect(dialog.getByRole("checkbox", { name: new RegExp(email) })).toBeChecked();
  await dialog.getByRole("button", { name: "Send quote" }).click();
  await expect(page.getByText(`Sent to ${email}`)).toBeVisible();
}

/** Two strokes drawn with a finger: real touch input (CDP), which Chromium turns into pointer events. */
async function drawSignatureByTouch(page: Page, canvas: Locator) {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the signature pad is not visible");
  const cdp = await page.context().newCDPSession(page);
  const stroke = async (points: [number, number][]) => {
    const at = ([fx, fy]: [number, number]) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchStart",
      touchPoints: [at(points[0] ?? [0, 0])],
    });
    for (const p of points.slice(1)) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at(p)] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  await stroke([
    [0.1, 0.7],
    [0.2, 0.3],
    [0.3, 0.7],
    [0.4, 0.3],
    [0.5, 0.7],
  ]);
  await stroke([
    [0.55, 0.5],
    [0.7, 0.45],
    [0.85, 0.55],
    [0.9, 0.4],
  ]);
  await cdp.detach();
}

/** How many pixels of the canvas carry ink. */
function inkedPixels(canvas: Locator) {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
}

test("staff quote, the contact declines, staff revise, the contact signs on a phone and accepts", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const unique = Date.now().toString(36);
  const customerName = `Quote Labs ${unique}`;
  const contactName = `Marina Firma ${unique}`;
  const email = `marina.${unique}@quotes.example`;

  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const customerId = await createCustomer(page, customerName, contactName, email);

  let quoteNumber = "";
  await test.step("staff create a quote that requires a signature and send it", async () => {
    await page.goto(`/app/customers/${customerId}`);
    await page.getByRole("link", { name: "New quote" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New quote" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue(customerName);
    await page.getByRole("textbox", { name: "Description (line 1)" }).fill("Office fit-out design");
    await page.getByRole("textbox", { name: "Quantity (line 1)" }).fill("1");
    await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("1000");
    await page.getByRole("switch", { name: "Require a signature to accept" }).check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft quote" })).toBeVisible();
    await expect(page.getByText("Signature required")).toBeVisible();
    await sendFromDetail(page, email);
    const heading = page.getByRole("heading", { level: 1, name: /^Quote P\d{4}-\d+$/ });
    await expect(heading).toBeVisible();
    quoteNumber = ((await heading.textContent()) ?? "").replace(/^Quote /, "");
    await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible();
  });
  const firstUrl = page.url();

  const firstLink = await linkFromOutbox(page, email, LINK);
  const desk = await englishContext(browser);
  const portal = await desk.newPage();
  await test.step("the contact opens the emailed link and declines with a reason", async () => {
    await portal.goto(firstLink);
    await expect(portal).toHaveURL(/\/p\/[^/]+\/quotes\/[0-9a-f-]+/);
    await expect(portal.getByRole("heading", { level: 1, name: `Quote ${quoteNumber}` })).toBeVisible();
    await expect(portal.getByRole("cell", { name: "Office fit-out design" }).first()).toBeVisible();
    await portal.getByRole("button", { name: "Decline", exact: true }).click();
    const dialog = portal.getByRole("dialog", { name: "Decline quote" });
    await dialog.getByRole("button", { name: "Decline quote" }).click();
    await expect(dialog.getByText("Required").first()).toBeVisible();
    await dialog.getByRole("textbox", { name: "Reason" }).fill("The price is above our budget.");
    await dialog.getByRole("button", { name: "Decline quote" }).click();
    await expect(dialog).toBeHidden();
    await expect(portal.getByText("Declined", { exact: true }).first()).toBeVisible();
    await expect(portal.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);
    const comments = portal.getByRole("region", { name: "Comments" });
    await comments.getByRole("textbox", { name: "Comment" }).fill("Could you do 850 per unit?");
    await comments.getByRole("button", { name: "Add comment" }).click();
    await expect(comments.getByText("Could you do 850 per unit?")).toBeVisible();
  });

  await test.step("staff reply with a comment shown in the portal; it appears there without a reload", async () => {
    await page.goto(firstUrl);
    const comments = page.getByRole("region", { name: "Comments" });
    await expect(comments.getByText("Could you do 850 per unit?")).toBeVisible();
    await comments.getByRole("textbox", { name: "Comment" }).fill("Internal: margin still fine at 850.");
    await comments.getByRole("button", { name: "Add comment" }).click();
    await expect(comments.getByText("Internal: margin still fine at 850.")).toBeVisible();
    await expect(comments.getByRole("textbox", { name: "Comment" })).toHaveValue("");
    await comments.getByRole("textbox", { name: "Comment" }).fill("Yes: a revised quote is on its way.");
    await comments.getByRole("checkbox", { name: "Show in portal" }).check();
    await comments.getByRole("button", { name: "Add comment" }).click();
    // The contact's page stays open, never reloaded: the comment arrives over the live stream.
    const portalComments = portal.getByRole("region", { name: "Comments" });
    await expect(portalComments.getByText("Yes: a revised quote is on its way.")).toBeVisible({
      timeout: 15_000,
    });
    await expect(portalComments.getByText("Internal: margin still fine at 850.")).toHaveCount(0);
  });

  await test.step("staff see it declined, revise the price and send revision 2", async () => {
    await page.goto("/app/");
    await expect(page.getByText(`${customerName} declined quote ${quoteNumber}`)).toBeVisible();
    await page.goto(firstUrl);
    await expect(page.getByText("Declined", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("The price is above our budget.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Revise" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit quote" })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/quotes\/[0-9a-f-]+\/edit$/);
    await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("850");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Quote ${quoteNumber}-R2` })).toBeVisible();
    await sendFromDetail(page, email);
    await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible();
  });
  const revisionUrl = page.url();

  const secondLink = await linkFromOutbox(page, email, LINK);
  expect(secondLink).not.toBe(firstLink);
  const phone = await englishContext(browser, {
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
  });
  const mobile = await phone.newPage();
  await test.step("on a phone, the contact sees the history, signs with a finger and accepts", async () => {
    await mobile.goto(secondLink);
    await expect(mobile.getByRole("heading", { level: 1, name: `Quote ${quoteNumber}-R2` })).toBeVisible();
    const versions = mobile.getByRole("region", { name: "Versions" });
    await expect(versions.getByRole("row").filter({ hasText: quoteNumber }).first()).toContainText(
      "Superseded",
    );
    await mobile.getByRole("button", { name: "Accept", exact: true }).click();
    const dialog = mobile.getByRole("dialog", { name: "Accept quote" });
    await expect(dialog.getByRole("textbox", { name: "Your name" })).toHaveValue(contactName);
    // Accepting without a signature is refused on the page, before any request.
    await dialog.getByRole("button", { name: "Accept quote" }).click();
    await expect(dialog.getByText("Draw your signature to accept.")).toBeVisible();
    const pad = dialog.getByRole("img", { name: "Signature pad" });
    await expect(pad).toHaveCSS("touch-action", "none");
    await drawSignatureByTouch(mobile, pad);
    expect(await inkedPixels(pad)).toBeGreaterThan(200);
    await dialog.getByRole("button", { name: "Accept quote" }).click();
    await expect(dialog).toBeHidden();
    await expect(mobile.getByText(`Accepted by ${contactName}`)).toBeVisible();
    await expect(mobile.getByText("Accepted", { exact: true }).first()).toBeVisible();
  });

  let hash = "";
  await test.step("staff see it accepted with its evidence, and verify it", async () => {
    await page.goto(revisionUrl);
    await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
    const evidence = page.getByRole("region", { name: "Acceptance evidence" });
    await expect(evidence).toContainText(contactName);
    await expect(evidence).toContainText(email);
    const signature = evidence.getByRole("img", { name: `Signature of ${contactName}` });
    await expect(signature).toBeVisible();
    expect(await signature.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    hash = (await evidence.locator("code").textContent()) ?? "";
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await evidence.getByRole("button", { name: "Verify" }).click();
    await expect(evidence.getByText(/^Intact/)).toBeVisible();
  });

  await test.step("staff convert it to an invoice", async () => {
    await page.getByRole("button", { name: "Convert…" }).click();
    await page
      .getByRole("dialog", { name: "Convert the quote" })
      .getByRole("button", { name: "Convert to invoice" })
      .click();
    await expect(page).toHaveURL(/\/app\/invoices\/[0-9a-f-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Draft invoice" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Office fit-out design" }).first()).toBeVisible();
  });

  await test.step("the accepted quote's PDF carries the certificate of acceptance", async () => {
    await page.goto(revisionUrl);
    await expect(page.getByText("Invoiced", { exact: true }).first()).toBeVisible();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${quoteNumber}-R2.pdf`);
    const parser = new PDFParse({ data: new Uint8Array(await readFile(await download.path())) });
    const read = await parser.getText();
    await parser.destroy();
    const text = read.text;
    for (const expected of ["Certificate of acceptance", contactName, email, hash]) {
      expect(text).toContain(expected);
    }
  });

  await phone.close();
  await desk.close();
  await staff.close();
});
