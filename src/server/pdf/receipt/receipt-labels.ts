import type { PdfLocale } from "../labels.js";

export type ReceiptMethod = "gateway" | "transfer" | "cash" | "cheque" | "card_terminal" | "other";

export interface ReceiptLabels {
  receipt: string;
  paidOn: string;
  receivedFrom: string;
  amountReceived: string;
  method: string;
  methods: Record<ReceiptMethod, string>;
  gatewayReference: string;
  reference: string;
  invoicesPaid: string;
  invoice: string;
  retainer: string;
  appliedOn: string;
  amount: string;
  noInvoices: string;
  appliedToInvoices: string;
  unapplied: string;
  unappliedNote: string;
  refunds: string;
  refundedOn: string;
  refunded: string;
  thanks: string;
  page: (page: number, count: number) => string;
}

const LABELS: Record<PdfLocale, ReceiptLabels> = {
  es: {
    receipt: "Recibo",
    paidOn: "Fecha de pago",
    receivedFrom: "Recibido de",
    amountReceived: "Importe recibido",
    method: "Forma de pago",
    methods: {
      gateway: "Pago en línea",
      transfer: "Transferencia bancaria",
      cash: "Efectivo",
      cheque: "Cheque",
      card_terminal: "Tarjeta (datáfono)",
      other: "Otro",
    },
    gatewayReference: "Referencia de la pasarela",
    reference: "Referencia",
    invoicesPaid: "Facturas pagadas",
    invoice: "Factura",
    retainer: "Factura de anticipo",
    appliedOn: "Aplicado el",
    amount: "Importe",
    noInvoices: "Este pago aún no se ha aplicado a ninguna factura.",
    appliedToInvoices: "Aplicado a facturas",
    unapplied: "Sin aplicar",
    unappliedNote: "queda como saldo a tu favor",
    refunds: "Devoluciones",
    refundedOn: "Fecha",
    refunded: "Devuelto",
    thanks: "Gracias por tu pago.",
    page: (page, count) => `Página ${page} de ${count}`,
  },
  en: {
    receipt: "Receipt",
    paidOn: "Payment date",
    receivedFrom: "Received from",
    amountReceived: "Amount received",
    method: "Payment method",
    methods: {
      gateway: "Online payment",
      transfer: "Bank transfer",
      cash: "Cash",
      cheque: "Cheque",
      card_terminal: "Card (terminal)",
      other: "Other",
    },
    gatewayReference: "Gateway reference",
    reference: "Reference",
    invoicesPaid: "Invoices paid",
    invoice: "Invoice",
    retainer: "Retainer invoice",
    appliedOn: "Applied on",
    amount: "Amount",
    noInvoices: "This payment has not been applied to any invoice yet.",
    appliedToInvoices: "Applied to invoices",
    unapplied: "Unapplied",
    unappliedNote: "kept as credit in your favour",
    refunds: "Refunds",
    refundedOn: "Date",
    refunded: "Refunded",
    thanks: "Thank you for your payment.",
    page: (page, count) => `Page ${page} of ${count}`,
  },
};

export const receiptLabels = (locale: PdfLocale): ReceiptLabels => LABELS[locale];
