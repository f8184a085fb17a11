// The portal's texts (decision 033): what the portal app downloads, one language at a time. The back
// office's catalogue (en.ts) spreads this one and adds its own namespaces.

import { appointmentsEn } from "./features/appointments.en.js";
import { commentsEn } from "./features/comments.en.js";
import { customerRecordsPortalEn } from "./features/customer-records.portal.en.js";
import { einvoiceUblEn } from "./features/einvoice-ubl.en.js";
import { facturaeEn } from "./features/facturae.en.js";
import { gatewaysPortalEn } from "./features/gateways.portal.en.js";
import { messagesEn } from "./features/messages.en.js";
import { moneyAdminPortalEn } from "./features/money-admin.portal.en.js";
import { moneyFiguresEn } from "./features/money-figures.en.js";
import { portalAccessPortalEn } from "./features/portal-access.portal.en.js";
import { portalAuthEn } from "./features/portal-auth.en.js";
import { portalHomeEn } from "./features/portal-home.en.js";
import { portalSettingsPortalEn } from "./features/portal-settings.portal.en.js";
import { quotesEn } from "./features/quotes.en.js";
import { receiptsEn } from "./features/receipts.en.js";
import { rectifyingEn } from "./features/rectifying.en.js";
import { reviewsEn } from "./features/reviews.en.js";
import { salesOrdersEn } from "./features/sales-orders.en.js";
import { statementEn } from "./features/statement.en.js";
import { timesheetsEn } from "./features/timesheets.en.js";
import { validationEn } from "./features/validation.en.js";
import { verifactuQrEn } from "./features/verifactu-qr.en.js";
import type { portalEs } from "./portal.es.js";
import type { Messages } from "./types.js";

/** The portal's English catalogue; typed so that its keys are exactly those of `portalEs`. */
export const portalEn: Messages<typeof portalEs> = {
  common: {
    save: "Save",
    cancel: "Cancel",
    create: "Create",
    back: "Back",
    add: "Add",
    loading: "Loading…",
    retry: "Try again",
    close: "Close",
    none: "—",
    all: "All",
    language: "Language",
    signOut: "Sign out",
    saved: "Changes saved",
    actions: "Actions",
    yes: "Yes",
    no: "No",
  },
  languages: { es: "Español", en: "English" },
  errors: {
    title: "Something went wrong",
    network: "Cannot reach the server. Check your connection and try again.",
    unexpected: "An unexpected error occurred.",
    notFound: "We could not find what you are looking for.",
    required: "Required",
    invalidEmail: "Not a valid email address",
    invalidCountry: "Use a 2-letter country code (GB, FR…)",
    invalidAmount: "Not a valid amount",
    invalidNumber: "Not a valid number",
    invalidPercent: "Not a valid percentage (0–100)",
    invalidRate: "Not a valid rate (−100 to 100)",
    fileTooLarge: "The file is larger than 1 MB",
    fileType: "Use a PNG or JPEG image",
  },
  status: {
    draft: "Draft",
    issued: "Issued",
    sent: "Sent",
    viewed: "Viewed",
    partially_paid: "Partially paid",
    paid: "Paid",
    closed: "Closed",
    void: "Void",
    overdue: "Overdue",
  },
  invoice: {
    number: "Number",
    customer: "Customer",
    issueDate: "Date",
    dueDate: "Due date",
    status: "Status",
    lines: "Lines",
    description: "Description",
    quantity: "Quantity",
    unitPrice: "Unit price",
    discount: "Discount",
    taxes: "Taxes",
    amount: "Amount",
    subtotal: "Subtotal",
    discountTotal: "Discounts",
    net: "Net",
    taxTotal: "Taxes",
    total: "Total",
    paid: "Paid",
    amountDue: "Amount due",
    taxBreakdown: "Tax breakdown",
    tax: "Tax",
    base: "Base",
    payments: "Payments",
    noPayments: "No payments yet.",
    method: "Method",
    paidWith: "Paid with",
    date: "Date",
    notes: "Notes",
    terms: "Terms",
    draft: "Draft",
  },
  portal: {
    nav: { signedInAs: "Signed in as {{name}}", label: "Portal sections" },
    logoAlt: "{{name}} logo",
    signInNeeded: {
      title: "Open the link in the email we sent you",
      body: "To see your documents, open the link in the latest email from {{name}}. It takes you straight to your portal, no password needed.",
      signedOut: "You have signed out.",
    },
    unavailable: {
      title: "Portal not available",
      body: "This portal does not exist or is switched off. Please contact whoever sent you the link.",
    },
    invoices: {
      title: "Your invoices",
      search: "Search by number",
      statusFilter: "Status",
      empty: "No invoices.",
      noMatches: "No invoice matches the filters.",
    },
    detail: {
      title: "Invoice {{number}}",
      backToList: "Back to invoices",
      downloadPdf: "Download PDF",
      print: "Print",
      payNow: "Pay now",
      bankTitle: "Pay by bank transfer",
      bankIntro: "You can also pay by bank transfer to this account:",
      beneficiary: "Beneficiary",
      iban: "IBAN",
      bic: "BIC",
      reference: "Reference",
      transferAmount: "Amount",
      copy: "Copy {{what}}",
      copied: "{{what}} copied",
      qrAlt: "QR code of the transfer of {{amount}} with reference {{reference}}",
      qrHelp: "Scan it with your banking app to fill in the transfer.",
    },
    payment: {
      succeededTitle: "Payment received!",
      succeededBody:
        "Thank you. We have received your payment; in a moment the invoice shows it, and the receipt is under Payments.",
      cancelledTitle: "Payment cancelled",
      cancelledBody: "Nothing was charged. You can try again whenever you like.",
      failedTitle: "The payment did not go through",
      failedBody: "The payment gateway declined it and nothing was charged. Try again or use another method.",
    },
  },
  portalAuth: portalAuthEn,
  gateways: gatewaysPortalEn,
  portalHome: portalHomeEn,
  comments: commentsEn,
  salesOrders: salesOrdersEn,
  timesheets: timesheetsEn,
  messages: messagesEn,
  reviews: reviewsEn,
  moneyAdmin: moneyAdminPortalEn,
  moneyFigures: moneyFiguresEn,
  statement: statementEn,
  portalAccess: portalAccessPortalEn,
  portalSettings: portalSettingsPortalEn,
  quotes: quotesEn,
  receipts: receiptsEn,
  customerRecords: customerRecordsPortalEn,
  validation: validationEn,
  rectifying: rectifyingEn,
  appointments: appointmentsEn,
  verifactuQr: verifactuQrEn,
  einvoiceUbl: einvoiceUblEn,
  facturae: facturaeEn,
};
