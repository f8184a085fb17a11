import type { EInvoiceFormat, Invoice } from "@e-invoice-eu/core";
import { ublInvoiceOf } from "./ubl-invoice.js";
import type { UblSource } from "./ubl-source.js";

/**
 * The UBL 2.1 XML of an invoice, written by `@e-invoice-eu/core` (decision 052). The library is loaded on
 * the first download, not at start (it takes over a second to load: spreadsheet and PDF code the server
 * never uses), and its UBL format is called directly: the library's own `InvoiceService` compiles its JSON
 * schema on every call (close to a second), so that schema check runs in the tests instead
 * (`ubl-golden.test.ts`), over the same data this mapping produces.
 */
let format: Promise<EInvoiceFormat> | undefined;

const quietLogger = { log() {}, warn() {}, error() {} };

function ublFormat(): Promise<EInvoiceFormat> {
  format ??= import("@e-invoice-eu/core").then(({ FormatFactoryService }) =>
    new FormatFactoryService().createFormatService("UBL", quietLogger),
  );
  return format;
}

/** Invoice data as the library's UBL format writes it (the golden test also runs it through its schema). */
export async function renderUblData(data: Invoice): Promise<string> {
  const xml = await (await ublFormat()).generate(structuredClone(data), { format: "UBL", lang: "en" });
  return typeof xml === "string" ? xml : Buffer.from(xml).toString("utf8");
}

export const renderUbl = (src: UblSource): Promise<string> => renderUblData(ublInvoiceOf(src));
