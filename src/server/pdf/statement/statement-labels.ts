import type { PaymentMethod, StatementLineType } from "../../../shared/contracts/index.js";
import type { PdfLocale } from "../labels.js";

export interface StatementLabels {
  title: string;
  period: (from: string, to: string) => string;
  date: string;
  document: string;
  description: string;
  charges: string;
  credits: string;
  balance: string;
  openingBalance: string;
  closingBalance: string;
  periodTotals: string;
  noMovements: string;
  types: Record<StatementLineType, string>;
  methods: Record<PaymentMethod, string>;
  due: (date: string) => string;
  corrects: (number: string) => string;
  agingTitle: (date: string) => string;
  aging: {
    current: string;
    days1to30: string;
    days31to60: string;
    days61to90: string;
    over90: string;
    total: string;
  };
  /** Decision 017: the line under the aging that joins it to the closing balance. */
  reconciliation: (due: string, credit: string, balance: string) => string;
  reconciliationHint: string;
  page: (page: number) => string;
}

const LABELS: Record<PdfLocale, StatementLabels> = {
  es: {
    title: "Estado de cuenta",
    period: (from, to) => `${from} – ${to}`,
    date: "Fecha",
    document: "Documento",
    description: "Concepto",
    charges: "Cargos",
    credits: "Abonos",
    balance: "Saldo",
    openingBalance: "Saldo inicial",
    closingBalance: "Saldo final",
    periodTotals: "Totales del periodo",
    noMovements: "No hay movimientos en este periodo.",
    types: { invoice: "Factura", credit_note: "Rectificativa", payment: "Pago", refund: "Devolución" },
    methods: {
      gateway: "Pago en línea",
      transfer: "Transferencia",
      cash: "Efectivo",
      cheque: "Cheque",
      card_terminal: "Datáfono",
      other: "Otro",
    },
    due: (date) => `Vence el ${date}`,
    corrects: (number) => `Rectifica ${number}`,
    agingTitle: (date) => `Antigüedad de lo pendiente a ${date}`,
    aging: {
      current: "No vencido",
      days1to30: "1–30 días",
      days31to60: "31–60 días",
      days61to90: "61–90 días",
      over90: "Más de 90 días",
      total: "Total pendiente",
    },
    reconciliation: (due, credit, balance) =>
      `Facturas pendientes ${due} − crédito disponible ${credit} = saldo ${balance}`,
    reconciliationHint:
      "El crédito disponible (abonos, pagos sin aplicar y saldo de anticipos) todavía no se ha aplicado a ninguna factura.",
    page: (page) => `Página ${page}`,
  },
  en: {
    // "Statement of account" does not fit the header's title column at 20 pt.
    title: "Account statement",
    period: (from, to) => `${from} – ${to}`,
    date: "Date",
    document: "Document",
    description: "Description",
    charges: "Charges",
    credits: "Credits",
    balance: "Balance",
    openingBalance: "Opening balance",
    closingBalance: "Closing balance",
    periodTotals: "Totals for the period",
    noMovements: "No movements in this period.",
    types: { invoice: "Invoice", credit_note: "Credit note", payment: "Payment", refund: "Refund" },
    methods: {
      gateway: "Online payment",
      transfer: "Bank transfer",
      cash: "Cash",
      cheque: "Cheque",
      card_terminal: "Card terminal",
      other: "Other",
    },
    due: (date) => `Due ${date}`,
    corrects: (number) => `Corrects ${number}`,
    agingTitle: (date) => `Ageing of the amount outstanding at ${date}`,
    aging: {
      current: "Not yet due",
      days1to30: "1–30 days",
      days31to60: "31–60 days",
      days61to90: "61–90 days",
      over90: "Over 90 days",
      total: "Total outstanding",
    },
    reconciliation: (due, credit, balance) =>
      `Invoices due ${due} − credit available ${credit} = balance ${balance}`,
    reconciliationHint:
      "The credit available (credit notes, unapplied payments and retainer balance) has not been applied to any invoice yet.",
    page: (page) => `Page ${page}`,
  },
};

export const statementLabels = (locale: PdfLocale): StatementLabels => LABELS[locale];
