import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildFacturaeXml, decimal, type FacturaeInvoice } from "./facturae-xml.js";

/**
 * The official Facturae 3.2.2 XSD is not available offline (decision 053): the structure is held by golden
 * files of a fixed invoice and credit note, read by a person once against the schema's element order.
 * Regenerate them after a deliberate change with `UPDATE_FACTURAE_GOLDEN=1 npx vitest run <this file>`
 * and review the diff.
 */
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));

function expectGolden(name: string, xml: string) {
  if (process.env.UPDATE_FACTURAE_GOLDEN === "1") writeFileSync(golden(name), xml);
  expect(xml).toBe(readFileSync(golden(name), "utf8"));
}

const seller: FacturaeInvoice["seller"] = {
  personType: "J",
  taxId: "B12345678",
  name: "Estudio Ejemplo SL",
  address: {
    lines: "Calle Mayor 1, 2º",
    postalCode: "28013",
    city: "Madrid",
    province: "Madrid",
    country: "ES",
  },
  email: "facturas@estudio.example",
  phone: "+34 910 000 000",
};

const invoice: FacturaeInvoice = {
  number: "F2026-0007",
  seriesCode: "F",
  isCreditNote: false,
  issueDate: "2026-03-02",
  dueDate: "2026-04-01",
  currency: "EUR",
  language: "es",
  lines: [
    {
      description: "Consultoría & diseño <fase 1>",
      quantityMilli: 2500,
      unitPriceMinor: 12000,
      discountBp: 1000,
      grossMinor: 30000,
      discountMinor: 3000,
      netMinor: 27000,
      taxes: [
        { rateBp: 2100, amountMinor: 5670 },
        { rateBp: -1500, amountMinor: -4050 },
      ],
    },
    {
      description: "Licencia",
      quantityMilli: 1000,
      unitPriceMinor: 1999,
      discountBp: 0,
      grossMinor: 1999,
      discountMinor: 0,
      netMinor: 1999,
      taxes: [{ rateBp: 2100, amountMinor: 420 }],
    },
  ],
  taxBreakdown: [
    { rateBp: 2100, baseMinor: 28999, amountMinor: 6090 },
    { rateBp: -1500, baseMinor: 27000, amountMinor: -4050 },
  ],
  netMinor: 28999,
  totalMinor: 31039,
  corrects: null,
  iban: "ES9121000418450200051332",
  bic: "CAIXESBBXXX",
  seller,
  buyer: {
    personType: "J",
    taxId: "P2800000A",
    name: "Ayuntamiento de Prueba",
    address: {
      lines: "Plaza de la Villa 1",
      postalCode: "28005",
      city: "Madrid",
      province: "Madrid",
      country: "ES",
    },
    email: null,
    phone: null,
    dir3: { accountingOffice: "L01280796", managingBody: "L01280796", processingUnit: "L01280796" },
  },
};

const creditNote: FacturaeInvoice = {
  ...invoice,
  number: "R2026-0002",
  seriesCode: "R",
  isCreditNote: true,
  issueDate: "2026-03-10",
  dueDate: null,
  language: "en",
  lines: [
    {
      description: "Refund of the licence",
      quantityMilli: 1000,
      unitPriceMinor: 1999,
      discountBp: 0,
      grossMinor: 1999,
      discountMinor: 0,
      netMinor: 1999,
      taxes: [{ rateBp: 2100, amountMinor: 420 }],
    },
  ],
  taxBreakdown: [{ rateBp: 2100, baseMinor: 1999, amountMinor: 420 }],
  netMinor: 1999,
  totalMinor: 2419,
  corrects: { number: "F2026-0007", issueDate: "2026-03-02" },
  buyer: {
    personType: "F",
    taxId: "X1234567L",
    name: "Anne Marie Dupont",
    address: {
      lines: "12 rue de Rivoli",
      postalCode: "75001",
      city: "Paris",
      province: "Paris",
      country: "FR",
    },
    email: "anne@example.fr",
    phone: null,
  },
};

describe("Facturae 3.2.2 XML (golden files)", () => {
  test("an invoice to a public administration: DIR3 centres, IVA and IRPF, a discount, the IBAN", () => {
    expectGolden("invoice.xml", buildFacturaeXml(invoice));
  });

  test("a credit note: corrective (OR) by differences, negative amounts, an individual abroad in the EU", () => {
    expectGolden("credit-note.xml", buildFacturaeXml(creditNote));
  });

  test("the batch total, the invoice total and the lines add up", () => {
    const xml = buildFacturaeXml(invoice);
    const one = (tag: string) => xml.match(new RegExp(`<${tag}>([^<]*)</${tag}>`))?.[1];
    expect(one("InvoiceTotal")).toBe("310.39");
    expect(one("TotalAmount")).toBe("310.39");
    // 289.99 + 60.90 − 40.50
    expect(one("TotalGrossAmountBeforeTaxes")).toBe("289.99");
    expect(one("TotalTaxOutputs")).toBe("60.90");
    expect(one("TotalTaxesWithheld")).toBe("40.50");
  });
});

describe("decimal", () => {
  test("exact, with at least the places asked", () => {
    expect(decimal(123456, 2)).toBe("1234.56");
    expect(decimal(-5, 2)).toBe("-0.05");
    expect(decimal(1000, 0)).toBe("1000.00");
    expect(decimal(2500, 3, 2)).toBe("2.50");
    expect(decimal(2505, 3, 2)).toBe("2.505");
    expect(decimal(12345, 3, 2)).toBe("12.345");
  });

  test("reads back as the same number of minor units", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (minor, exp) => {
        const text = decimal(minor, exp, 2);
        const [int = "", frac = ""] = text.replace("-", "").split(".");
        const scaled = BigInt(int + frac.padEnd(Math.max(exp, frac.length), "0").slice(0, exp));
        const trailing = frac.slice(exp);
        expect(/^0*$/.test(trailing)).toBe(true);
        expect((text.startsWith("-") ? -scaled : scaled).toString()).toBe(BigInt(minor).toString());
      }),
    );
  });
});
