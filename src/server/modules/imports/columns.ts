import { IMPORT_FIELDS, type ImportKind, type ImportMapping } from "../../../shared/contracts/index.js";

/** A header as compared: lower case, accents and punctuation dropped ("Nº Factura" → "n factura"). */
export const normaliseHeader = (header: string) =>
  header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();

/**
 * The column names each field is known by, in the exports of Zoho Books (contacts and invoices), Invoice
 * Ninja (v5: "client.name", "invoice.number"…) and a plain spreadsheet in English or Spanish, "|" between
 * names. Compared normalised, so case, spaces, accents and dots do not matter.
 */
const ALIASES: Record<ImportKind, Record<string, string>> = {
  customers: {
    externalId:
      "external id|contact id|customer id|client id|client number|id|codigo|codigo cliente|id cliente",
    name: "name|display name|customer name|company name|client name|client|nombre|cliente|razon social",
    legalName: "legal name|nombre legal|nombre fiscal",
    taxId:
      "tax id|vat number|client vat number|tax registration number|gst identification number gstin|trn|nif|cif|nif cif|vat",
    email: "email|emailid|email address|client email|correo|correo electronico|e mail",
    phone: "phone|work phone|client phone|telefono",
    addressLine1: "address|address 1|address line 1|billing address|billing street|client address1|direccion",
    addressLine2: "address 2|address line 2|billing street2|client address2|direccion 2",
    city: "city|billing city|client city|ciudad|poblacion|localidad",
    postalCode: "postal code|zip|zip code|billing code|client postal code|codigo postal|cp",
    region: "region|state|billing state|client state|provincia",
    country: "country|country code|billing country|client country|pais",
    currency: "currency|currency code|client currency|moneda|divisa",
    language: "language|idioma",
    paymentTermsDays: "payment terms|payment terms days|client payment terms|dias de pago|plazo de pago",
    notes: "notes|client private notes|notas|observaciones",
    contactName: "contact name|contact|contact person|persona de contacto|contacto",
    contactFirstName: "first name|contact first name|nombre contacto",
    contactLastName: "last name|contact last name|apellidos",
    contactEmail: "contact email|email contacto",
    contactPhone: "contact phone|mobile phone|mobile|telefono contacto|movil",
  },
  invoices: {
    number:
      "invoice number|number|invoice|invoice invoice number|invoice no|numero|numero factura|n factura|factura",
    issueDate: "invoice date|date|issue date|invoice invoice date|fecha|fecha factura|fecha de emision",
    dueDate: "due date|invoice due date|fecha vencimiento|vencimiento",
    customerExternalId: "customer id|client id|contact id|id cliente|codigo cliente",
    customerName: "customer name|client name|client|customer|cliente|nombre cliente",
    customerTaxId: "customer tax id|client vat number|vat number|nif cliente|cif cliente|nif",
    currency: "currency|currency code|invoice currency|moneda|divisa",
    description: "item desc|item name|description|item description|item notes|product|concepto|descripcion",
    quantity: "quantity|item quantity|qty|cantidad",
    unitPrice:
      "item price|unit price|item cost|price|subtotal|sub total|amount|net|precio|precio unitario|base imponible|importe",
    taxRate: "item tax %|tax %|tax rate|item tax rate|item tax rate1|tax rate1|iva %|iva|tipo iva",
    total: "total|invoice amount|invoice total|total factura",
    paidAmount:
      "paid amount|amount paid|paid to date|invoice paid to date|payment amount|pagado|importe pagado",
    balance: "balance|balance due|invoice balance|pendiente|saldo",
    paymentDate: "payment date|last payment date|paid date|fecha de pago|fecha pago",
    paymentMethod: "payment method|payment mode|payment type|metodo de pago|forma de pago",
    paymentReference: "payment reference|payment number|transaction reference|referencia pago",
    notes: "notes|customer notes|invoice public notes|notas|observaciones",
  },
};

/** Each field's column, by the first alias (in the table's order) that one header matches. */
export function detectMapping(kind: ImportKind, headers: string[]): ImportMapping {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const aliases = [
      normaliseHeader(field.replace(/([A-Z])/g, " $1")),
      ...(ALIASES[kind][field]?.split("|") ?? []),
    ];
    const index = aliases
      .map((alias) => normalised.findIndex((h, i) => h === alias && !taken.has(i)))
      .find((i) => i >= 0);
    mapping[field] = index === undefined ? null : (headers[index] as string);
    if (index !== undefined) taken.add(index);
  }
  return mapping;
}

/** The detected mapping with the person's choices over it; fields or columns outside the kind are ignored. */
export function resolveMapping(
  kind: ImportKind,
  headers: string[],
  chosen: ImportMapping | undefined,
): ImportMapping {
  const mapping = detectMapping(kind, headers);
  for (const [field, column] of Object.entries(chosen ?? {})) {
    if (!(IMPORT_FIELDS[kind] as readonly string[]).includes(field)) continue;
    mapping[field] = column !== null && headers.includes(column) ? column : null;
  }
  return mapping;
}

/** A template file per kind: the fields' own names as headers and one example row. */
export const TEMPLATE_ROWS: Record<ImportKind, string[]> = {
  customers: [
    "C-001,Acme S.L.,Acme Sociedad Limitada,B12345678,billing@acme.test,+34 600 000 000,Calle Mayor 1,,Madrid,28001,Madrid,ES,EUR,es,30,,Ana García,,,ana@acme.test,+34 600 000 001",
  ],
  invoices: [
    '2025-0143,31/12/2025,30/01/2026,C-001,Acme S.L.,B12345678,EUR,Consultoría,1,"1.000,00",21,"1.210,00","1.210,00",,15/01/2026,transfer,TR-889,',
  ],
};

export function templateCsv(kind: ImportKind): string {
  return `${IMPORT_FIELDS[kind].join(",")}\n${TEMPLATE_ROWS[kind].join("\n")}\n`;
}
