// The portal's texts (decision 033): what the portal app downloads, one language at a time. The back
// office's catalogue (es.ts) spreads this one and adds its own namespaces.
import { appointmentsEs } from "./features/appointments.es.js";
import { commentsEs } from "./features/comments.es.js";
import { customerRecordsPortalEs } from "./features/customer-records.portal.es.js";
import { einvoiceUblEs } from "./features/einvoice-ubl.es.js";
import { facturaeEs } from "./features/facturae.es.js";
import { gatewaysPortalEs } from "./features/gateways.portal.es.js";
import { messagesEs } from "./features/messages.es.js";
import { moneyAdminPortalEs } from "./features/money-admin.portal.es.js";
import { moneyFiguresEs } from "./features/money-figures.es.js";
import { portalAccessPortalEs } from "./features/portal-access.portal.es.js";
import { portalAuthEs } from "./features/portal-auth.es.js";
import { portalHomeEs } from "./features/portal-home.es.js";
import { portalSettingsPortalEs } from "./features/portal-settings.portal.es.js";
import { quotesEs } from "./features/quotes.es.js";
import { receiptsEs } from "./features/receipts.es.js";
import { rectifyingEs } from "./features/rectifying.es.js";
import { reviewsEs } from "./features/reviews.es.js";
import { salesOrdersEs } from "./features/sales-orders.es.js";
import { statementEs } from "./features/statement.es.js";
import { timesheetsEs } from "./features/timesheets.es.js";
import { validationEs } from "./features/validation.es.js";
import { verifactuQrEs } from "./features/verifactu-qr.es.js";

/** The portal's Spanish catalogue: the source of the key set that `portalEn` must match exactly. */
export const portalEs = {
  common: {
    save: "Guardar",
    cancel: "Cancelar",
    create: "Crear",
    back: "Volver",
    add: "Añadir",
    loading: "Cargando…",
    retry: "Reintentar",
    close: "Cerrar",
    none: "—",
    all: "Todos",
    language: "Idioma",
    signOut: "Cerrar sesión",
    saved: "Cambios guardados",
    actions: "Acciones",
    yes: "Sí",
    no: "No",
  },
  languages: { es: "Español", en: "English" },
  errors: {
    title: "Algo ha fallado",
    network: "No se puede conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.",
    unexpected: "Ha ocurrido un error inesperado.",
    notFound: "No encontramos lo que buscas.",
    required: "Obligatorio",
    invalidEmail: "Correo electrónico no válido",
    invalidCountry: "Usa un código de país de 2 letras (ES, FR…)",
    invalidAmount: "Importe no válido",
    invalidNumber: "Número no válido",
    invalidPercent: "Porcentaje no válido (0–100)",
    invalidRate: "Tipo no válido (−100 a 100)",
    fileTooLarge: "El archivo supera 1 MB",
    fileType: "Usa una imagen PNG o JPEG",
  },
  status: {
    draft: "Borrador",
    issued: "Emitida",
    sent: "Enviada",
    viewed: "Vista",
    partially_paid: "Pago parcial",
    paid: "Pagada",
    closed: "Cerrada",
    void: "Anulada",
    overdue: "Vencida",
  },
  invoice: {
    number: "Número",
    customer: "Cliente",
    issueDate: "Fecha",
    dueDate: "Vencimiento",
    status: "Estado",
    lines: "Conceptos",
    description: "Descripción",
    quantity: "Cantidad",
    unitPrice: "Precio unitario",
    discount: "Descuento",
    taxes: "Impuestos",
    amount: "Importe",
    subtotal: "Subtotal",
    discountTotal: "Descuentos",
    net: "Base imponible",
    taxTotal: "Impuestos",
    total: "Total",
    paid: "Pagado",
    amountDue: "Pendiente",
    taxBreakdown: "Desglose de impuestos",
    tax: "Impuesto",
    base: "Base",
    payments: "Pagos",
    noPayments: "Aún no hay pagos.",
    method: "Método",
    paidWith: "Pagado con",
    date: "Fecha",
    notes: "Notas",
    terms: "Condiciones",
    draft: "Borrador",
  },
  portal: {
    nav: { signedInAs: "Sesión de {{name}}", label: "Secciones del portal" },
    logoAlt: "Logotipo de {{name}}",
    signInNeeded: {
      title: "Abre el enlace del correo que te enviamos",
      body: "Para ver tus documentos, abre el enlace del último correo de {{name}}. Te llevará directamente a tu portal, sin contraseña.",
      signedOut: "Has cerrado la sesión.",
    },
    unavailable: {
      title: "Portal no disponible",
      body: "Este portal no existe o está desactivado. Ponte en contacto con quien te envió el enlace.",
    },
    invoices: {
      title: "Tus facturas",
      search: "Buscar por número",
      statusFilter: "Estado",
      empty: "No hay facturas.",
      noMatches: "Ninguna factura coincide con los filtros.",
    },
    detail: {
      title: "Factura {{number}}",
      backToList: "Volver a las facturas",
      downloadPdf: "Descargar PDF",
      print: "Imprimir",
      payNow: "Pagar ahora",
      bankTitle: "Pago por transferencia bancaria",
      bankIntro: "También puedes pagar por transferencia a esta cuenta:",
      beneficiary: "Beneficiario",
      iban: "IBAN",
      bic: "BIC",
      reference: "Concepto",
      transferAmount: "Importe",
      copy: "Copiar {{what}}",
      copied: "{{what}} copiado",
      qrAlt: "Código QR de la transferencia de {{amount}} con el concepto {{reference}}",
      qrHelp: "Escanéalo con la app de tu banco para rellenar la transferencia.",
    },
    payment: {
      succeededTitle: "¡Pago recibido!",
      succeededBody:
        "Gracias. Hemos recibido tu pago; en un momento verás el importe descontado de la factura y el recibo en Pagos.",
      cancelledTitle: "Pago cancelado",
      cancelledBody: "No se ha cobrado nada. Puedes volver a intentarlo cuando quieras.",
      failedTitle: "El pago no se ha completado",
      failedBody:
        "La pasarela de pago rechazó la operación y no se ha cobrado nada. Inténtalo de nuevo o usa otro método.",
    },
  },
  portalAuth: portalAuthEs,
  gateways: gatewaysPortalEs,
  portalHome: portalHomeEs,
  comments: commentsEs,
  salesOrders: salesOrdersEs,
  timesheets: timesheetsEs,
  messages: messagesEs,
  reviews: reviewsEs,
  moneyAdmin: moneyAdminPortalEs,
  moneyFigures: moneyFiguresEs,
  statement: statementEs,
  portalAccess: portalAccessPortalEs,
  portalSettings: portalSettingsPortalEs,
  quotes: quotesEs,
  receipts: receiptsEs,
  customerRecords: customerRecordsPortalEs,
  validation: validationEs,
  rectifying: rectifyingEs,
  appointments: appointmentsEs,
  verifactuQr: verifactuQrEs,
  einvoiceUbl: einvoiceUblEs,
  facturae: facturaeEs,
};
