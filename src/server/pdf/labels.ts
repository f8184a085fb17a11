export type PdfLocale = "es" | "en";

export interface PdfLabels {
  invoice: string;
  issueDate: string;
  dueDate: string;
  billTo: string;
  taxId: string;
  description: string;
  quantity: string;
  price: string;
  discount: string;
  taxes: string;
  amount: string;
  gross: string;
  totalDiscount: string;
  net: string;
  taxBase: (base: string) => string;
  total: string;
  paid: string;
  due: string;
  payByTransfer: string;
  iban: string;
  bic: string;
  reference: string;
  notes: string;
  terms: string;
  page: (page: number, count: number) => string;
}

const LABELS: Record<PdfLocale, PdfLabels> = {
  es: {
    invoice: "Factura",
    issueDate: "Fecha de emisión",
    dueDate: "Vencimiento",
    billTo: "Facturar a",
    taxId: "NIF",
    description: "Concepto",
    quantity: "Cantidad",
    price: "Precio",
    discount: "Dto.",
    taxes: "Impuestos",
    amount: "Importe",
    gross: "Importe bruto",
    totalDiscount: "Descuento",
    net: "Base imponible",
    taxBase: (base) => `sobre ${base}`,
    total: "Total",
    paid: "Pagado",
    due: "Pendiente",
    payByTransfer: "Pagar por transferencia a",
    iban: "IBAN",
    bic: "BIC",
    reference: "Concepto",
    notes: "Notas",
    terms: "Condiciones",
    page: (page, count) => `Página ${page} de ${count}`,
  },
  en: {
    invoice: "Invoice",
    issueDate: "Issue date",
    dueDate: "Due date",
    billTo: "Bill to",
    taxId: "Tax ID",
    description: "Description",
    quantity: "Qty",
    price: "Price",
    discount: "Disc.",
    taxes: "Taxes",
    amount: "Amount",
    gross: "Gross amount",
    totalDiscount: "Discount",
    net: "Subtotal",
    taxBase: (base) => `on ${base}`,
    total: "Total",
    paid: "Paid",
    due: "Amount due",
    payByTransfer: "Pay by bank transfer to",
    iban: "IBAN",
    bic: "BIC",
    reference: "Reference",
    notes: "Notes",
    terms: "Terms",
    page: (page, count) => `Page ${page} of ${count}`,
  },
};

export const getLabels = (locale: PdfLocale): PdfLabels => LABELS[locale];

/** Intl locale for numbers and dates: Spain for Spanish, British English (day-first dates, € before). */
export const intlLocale = (locale: PdfLocale): string => (locale === "es" ? "es-ES" : "en-GB");
