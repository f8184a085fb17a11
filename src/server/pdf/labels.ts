import { localeOf } from "../../shared/language.js";

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
  /** Beside the EPC QR code (issue 13). */
  scanToPay: string;
  notes: string;
  terms: string;
  page: (page: number, count: number) => string;
  quote: string;
  validUntil: string;
  quoteFor: string;
  acceptedBy: (name: string, when: string) => string;
  certificateTitle: string;
  certificateIntro: string;
  documentHash: string;
  signerName: string;
  signerEmail: string;
  acceptedAtUtc: string;
  acceptedAtLocal: (timeZone: string) => string;
  ipAddress: string;
  userAgent: string;
  signature: string;
  none: string;
  /** Issue 10: a signature typed instead of drawn. */
  signatureMethod: string;
  signedByTyping: string;
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
    scanToPay: "Escanea el código con la app de tu banco para rellenar la transferencia.",
    notes: "Notas",
    terms: "Condiciones",
    page: (page, count) => `Página ${page} de ${count}`,
    quote: "Presupuesto",
    validUntil: "Válido hasta",
    quoteFor: "Cliente",
    acceptedBy: (name, when) => `Aceptado por ${name} el ${when}`,
    certificateTitle: "Certificado de aceptación",
    certificateIntro:
      "El cliente aceptó este presupuesto en el portal. El resumen SHA-256 identifica el presupuesto exactamente como se le mostró: número, revisión, fechas, moneda, cliente, líneas y totales.",
    documentHash: "Resumen SHA-256 del presupuesto",
    signerName: "Firmante",
    signerEmail: "Email del firmante",
    acceptedAtUtc: "Fecha y hora (UTC)",
    acceptedAtLocal: (tz) => `Fecha y hora (${tz})`,
    ipAddress: "Dirección IP",
    userAgent: "Navegador (user agent)",
    signature: "Firma",
    none: "—",
    signatureMethod: "Forma de firma",
    signedByTyping: "Firmado escribiendo el nombre",
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
    scanToPay: "Scan the code with your banking app to fill in the transfer.",
    notes: "Notes",
    terms: "Terms",
    page: (page, count) => `Page ${page} of ${count}`,
    quote: "Quote",
    validUntil: "Valid until",
    quoteFor: "Prepared for",
    acceptedBy: (name, when) => `Accepted by ${name} on ${when}`,
    certificateTitle: "Certificate of acceptance",
    certificateIntro:
      "The customer accepted this quote in the portal. The SHA-256 digest identifies the quote exactly as it was shown: number, revision, dates, currency, customer, lines and totals.",
    documentHash: "SHA-256 digest of the quote",
    signerName: "Signer",
    signerEmail: "Signer's email",
    acceptedAtUtc: "Date and time (UTC)",
    acceptedAtLocal: (tz) => `Date and time (${tz})`,
    ipAddress: "IP address",
    userAgent: "Browser (user agent)",
    signature: "Signature",
    none: "—",
    signatureMethod: "How it was signed",
    signedByTyping: "Signed by typing the name",
  },
};

export const getLabels = (locale: PdfLocale): PdfLabels => LABELS[locale];

/** Intl locale for numbers and dates: Spain for Spanish, British English (day-first dates, € before). */
export const intlLocale = (locale: PdfLocale): string => localeOf(locale);
