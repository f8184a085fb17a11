import { readFileSync, writeFileSync } from "node:fs";
import { InvoiceService } from "@e-invoice-eu/core";
import { beforeAll, describe, expect, test } from "vitest";
import { goldenCreditNote, goldenInvoice } from "./ubl-fixtures.js";
import { ublInvoiceOf } from "./ubl-invoice.js";
import { peppolProblems } from "./ubl-peppol-checks.js";
import { renderUbl } from "./ubl-render.js";

/**
 * Golden files: a fixed invoice and credit note must give these exact bytes. After a deliberate change to
 * the mapping, regenerate them with `UPDATE_GOLDEN=1 npx vitest run src/server/modules/einvoice-ubl`
 * and review the diff of `__golden__/` before committing it.
 */
const update = process.env.UPDATE_GOLDEN === "1";
const cases = [
  ["invoice", goldenInvoice],
  ["credit-note", goldenCreditNote],
] as const;

// The library loads on the first render (over a second, far more on a loaded machine): not in a test's time.
beforeAll(() => renderUbl(goldenInvoice), 300_000);

describe.each(cases)("the UBL of the golden %s", (name, source) => {
  const file = new URL(`./__golden__/${name}.xml`, import.meta.url);

  test("is byte for byte the golden file", async () => {
    const xml = await renderUbl(source);
    if (update) writeFileSync(file, xml);
    expect(xml).toBe(readFileSync(file, "utf8"));
  });

  test("passes the rules we check", () => {
    expect(peppolProblems(readFileSync(file, "utf8"))).toEqual([]);
  });

  test("passes the library's JSON schema, and its checked path writes the same bytes", async () => {
    // InvoiceService validates the data against the library's EN 16931 schema (with the Peppol endpoint
    // ids made mandatory) before writing; the server calls the format directly (ubl-render.ts).
    const quiet = { log() {}, warn() {}, error() {} };
    const checked = await new InvoiceService(quiet).generate(ublInvoiceOf(source), {
      format: "UBL",
      lang: "en",
    });
    expect(checked).toBe(await renderUbl(source));
  });
});
