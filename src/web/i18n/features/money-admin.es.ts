import { moneyAdminPortalEs } from "./money-admin.portal.es.js";

/**
 * Texts of the back office's side of the customer's money (A5, A8, A9, A10): payments, refunds, credit
 * notes, retainer invoices and customer balances. Merged into the catalogues under `moneyAdmin`.
 * `source.*` also names what paid an invoice in the portal's payments table.
 */
export const moneyAdminEs = {
  ...moneyAdminPortalEs,
  nav: "Cobros",
  reference: "Referencia",
  methods: {
    gateway: "Pasarela de pago",
    transfer: "Transferencia",
    cash: "Efectivo",
    cheque: "Cheque",
    card_terminal: "Datáfono",
    other: "Otro",
  },
  kinds: { invoice: "Factura", retainer: "Factura de anticipo", credit_note: "Factura rectificativa" },
  kindNumber: {
    invoice: "Factura {{number}}",
    retainer: "Anticipo {{number}}",
    credit_note: "Rectificativa {{number}}",
  },
  titles: { retainer: "Factura de anticipo {{number}}", credit_note: "Factura rectificativa {{number}}" },
  draftTitles: {
    retainer: "Factura de anticipo en borrador",
    credit_note: "Factura rectificativa en borrador",
  },
  newTitles: { retainer: "Nueva factura de anticipo", credit_note: "Nueva factura rectificativa" },
  list: {
    kind: "Tipo",
    kindFilter: "Tipo de documento",
    kinds: { invoice: "Facturas", retainer: "Anticipos", credit_note: "Rectificativas" },
    more: "Otros documentos",
  },
  editor: {
    corrects: "Rectifica la factura",
    correctsHint: "Opcional: la factura emitida que corrige este abono.",
    correctsNone: "Ninguna",
    correctsEmpty: "Este cliente no tiene facturas emitidas.",
  },
  actions: { createCreditNote: "Crear rectificativa" },
  payments: {
    title: "Cobros",
    search: "Buscar por recibo, referencia o cliente",
    sort: "Ordenar",
    sorts: {
      "date-desc": "Fecha, más recientes primero",
      "date-asc": "Fecha, más antiguos primero",
      "amount-desc": "Importe, de mayor a menor",
      "amount-asc": "Importe, de menor a mayor",
    },
    number: "Recibo",
    unapplied: "Sin aplicar",
    refunded: "Devuelto",
    emptyTitle: "Aún no hay cobros",
    emptyDescription:
      "Registra aquí las transferencias, efectivo o cheques que recibas; los pagos en el portal aparecen solos.",
    noMatches: "Ningún cobro coincide con los filtros.",
  },
  record: {
    title: "Registrar cobro",
    amount: "Importe recibido",
    paidOn: "Fecha de cobro",
    splitTitle: "Aplicar a facturas pendientes",
    submit: "Registrar cobro",
    recorded: "Cobro {{number}} registrado",
  },
  allocate: {
    caption: "Facturas pendientes del cliente",
    hint: "Escribe cuánto va a cada factura; lo que sobre queda como saldo a favor del cliente.",
    oldestFirst: "Aplicar a las más antiguas",
    amount: "Importe a aplicar",
    amountFor: "Importe a aplicar a {{number}}",
    applied: "Total aplicado",
    unapplied: "Queda como saldo a favor",
    overBy: "Supera lo disponible en {{amount}}",
    exceedsDue: "Es más de lo pendiente",
    noOpen: "Este cliente no tiene facturas pendientes en esta moneda.",
  },
  payment: {
    title: "Cobro {{number}}",
    allocated: "Aplicado",
    allocations: "Facturas pagadas",
    apply: "Aplicar saldo sin aplicar",
    receiptPdf: "Recibo en PDF",
  },
  applied: {
    caption: "Documentos a los que se aplicó",
    document: "Documento",
    empty: "Aún no se ha aplicado a ninguna factura.",
  },
  apply: {
    available: "Disponible para aplicar: {{amount}}",
    submit: "Aplicar",
    done: "Importe aplicado",
  },
  refund: {
    open: "Devolver",
    paymentTitle: "Devolver parte del cobro {{number}}",
    refundable: "Se puede devolver hasta {{amount}}.",
    amount: "Importe a devolver",
    date: "Fecha de la devolución",
    atMost: "Como máximo {{amount}}",
    submit: "Registrar devolución",
    done: "Devolución registrada",
    staleTitle: "Los datos han cambiado",
    staleBody:
      "Alguien registró otra devolución mientras tanto (o se envió dos veces). Recarga y comprueba lo devuelto antes de repetirla.",
    reload: "Recargar",
  },
  refunds: { title: "Devoluciones", empty: "Sin devoluciones." },
  credit: {
    apply: "Aplicar a facturas",
    appliedTo: "Aplicado a",
    creditNote: {
      title: "Crédito de la rectificativa",
      available: "Crédito disponible",
      refundTitle: "Devolver crédito de {{number}}",
    },
    retainer: {
      title: "Saldo del anticipo",
      available: "Saldo disponible",
      refundTitle: "Devolver saldo de {{number}}",
    },
  },
  balances: {
    title: "Saldo del cliente",
    payments: "Ver cobros",
    empty: "Sin movimientos todavía.",
    outstanding: "Pendiente de cobro",
    openInvoices: "Facturas pendientes: {{count}}",
    overdue: "Vencido",
    credits: "Créditos disponibles",
    retainerBalance: "Saldo de anticipos",
    retainerOutstanding: "Anticipos por cobrar: {{count}} ({{amount}})",
    balance: "Saldo",
  },
};
