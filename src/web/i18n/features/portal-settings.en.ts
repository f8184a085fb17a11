import type { Messages } from "../types.js";
import type { portalSettingsEs } from "./portal-settings.es.js";
import { portalSettingsPortalEn } from "./portal-settings.portal.en.js";

export const portalSettingsEn: Messages<typeof portalSettingsEs> = {
  ...portalSettingsPortalEn,
  options: {
    title: "What the portal shows and allows",
    intro: "Whatever you switch off here disappears from the portal and the portal API refuses it.",
    allowMessages: "Contacts may send messages",
    showAddress: "Show company address",
    showPhones: "Show phone numbers",
    showSocial: "Show social networks",
    allowPaypal: "Allow PayPal",
    showBankAccount: "Show bank account",
    showBankAccountHelp: "The IBAN and BIC from the organisation profile, for paying by bank transfer.",
    allowQuoteAcceptance: "Allow accepting quotes",
    showSalesOrders: "Show sales orders",
    showProjects: "Show projects and timesheets",
    allowAppointments: "Allow booking appointments",
  },
  slugKeepsLinks:
    "If you change the address, old links keep working: they lead to the new one. The old address stays reserved for your organisation.",
  notifications: {
    tab: "Notifications",
    title: "Email notices",
    intro:
      "Notices always appear under the bell in Portico. Choose which are also emailed: to the organisation's email address or, if it has none, to its owners and admins.",
    invoice_viewed: "A customer opens an invoice for the first time",
    payment_received: "A payment is received",
    customer_details_updated: "A customer updates their details in the portal",
    quote_viewed: "A customer opens a quote for the first time",
    quote_accepted: "A customer accepts a quote",
    quote_declined: "A customer declines a quote",
    comment_added: "A customer comments on a quote or an invoice",
    sales_order_viewed: "A customer opens a sales order for the first time",
    payment_failed: "An online payment fails (card declined, bank debit returned)",
    payment_disputed: "A customer disputes a payment at the provider",
    payment_mismatch: "The provider reports an amount other than the one asked",
    payment_unapplied: "An online payment is left as the customer's credit",
    refund_failed: "The provider refuses a refund",
    refund_unconfirmed: "The provider does not confirm a refund",
    timesheet_approved: "A customer approves a timesheet",
    timesheet_rejected: "A customer rejects a timesheet",
    message_received: "A customer sends a message",
    review_written: "A customer writes or edits a review",
    appointment_booked: "A customer books an appointment",
    appointment_cancelled: "A customer cancels an appointment",
    detailsUpdated: "{{contactName}} ({{customerName}}) updated their details",
    /** Issue 16 §4: the events in groups, a member's own notices, and the unsubscribe page (decision 044). */
    groups: {
      documents: "Documents",
      payments: "Payments",
      timesheets: "Timesheets",
      customers: "Customers",
      relationship: "Messages, reviews and appointments",
    },
    mine: {
      title: "My email notices",
      intro:
        "The organisation has no email address of its own: notices go to its owners and admins. Choose here which ones you get; the others still get theirs.",
      notRecipient: "Email notices go to the owners and admins; you see them in the bell.",
      orgInbox: "Notices go to the organisation's email address: they are chosen above, for everyone.",
      offForAll: "Off for the whole organisation",
      saved: "Your notices were saved",
    },
    revoke: {
      title: "Unsubscribe links",
      intro:
        "Every email notice carries a link to stop getting it. If emails were forwarded to other people, revoke every link already sent.",
      action: "Revoke the links sent",
      done: "The links sent no longer work; the next notices carry new links.",
    },
    unsubscribe: {
      title: "Email notices",
      working: "Applying the change…",
      off: "“{{event}}” will no longer be emailed to {{address}}.",
      offOrganisation:
        "{{org}} will no longer email “{{event}}” to {{address}}; it still shows in Portico's bell.",
      on: "“{{event}}” is emailed to {{address}} again.",
      undo: "Undo",
      stopAgain: "Stop getting it",
      manage: "Choose every notice in Settings",
      invalid: "This link is not valid or was revoked.",
    },
    descriptions: {
      invoice_viewed: "When a contact opens an invoice in the portal or from the email's link.",
      payment_received: "When a payment is recorded: in the portal through a gateway, or by hand in Portico.",
      customer_details_updated:
        "When a contact changes the account's details or their own under “My details”.",
      quote_viewed: "When a contact opens a quote in the portal or from the email's link.",
      quote_accepted:
        "When a contact accepts a quote in the portal (with their name and, if asked, their signature).",
      quote_declined: "When a contact declines a quote in the portal, with the reason they give.",
      comment_added: "When a contact writes a comment on a quote or an invoice.",
      sales_order_viewed: "When a contact opens a sales order in the portal or from the email's link.",
      payment_failed:
        "When the provider declines a payment or returns a SEPA debit: the invoice is open again.",
      payment_disputed: "When the provider (Stripe, PayPal) reports a dispute or chargeback.",
      payment_mismatch:
        "When the provider reports a payment whose amount or currency is not the one asked: not recorded.",
      payment_unapplied:
        "When a customer pays online for invoices already paid: the amount is held as their credit.",
      refund_failed: "When the provider refuses a refund asked from Portico.",
      refund_unconfirmed: "When the provider does not answer a refund and it must be checked there.",
      timesheet_approved: "When a contact approves in the portal the time sent for approval.",
      timesheet_rejected: "When a contact rejects in the portal the time sent, with the reason they give.",
      message_received: "When a contact writes a message to the organisation from the portal.",
      review_written: "When a contact writes a review in the portal or changes theirs.",
      appointment_booked: "When a contact books or reschedules an appointment from the portal.",
      appointment_cancelled: "When a contact cancels an appointment from the portal.",
    },
  },
};
