import type { es } from "./es.js";
import { apiKeysEn } from "./features/api-keys.en.js";
import { backgroundJobsEn } from "./features/background-jobs.en.js";
import { customerRecordsEn } from "./features/customer-records.en.js";
import { emailTemplatesEn } from "./features/email-templates.en.js";
import { exportsEn } from "./features/exports.en.js";
import { gatewaysEn } from "./features/gateways.en.js";
import { importsEn } from "./features/imports.en.js";
import { issueDatesEn } from "./features/issue-dates.en.js";
import { listsEn } from "./features/lists.en.js";
import { moneyAdminEn } from "./features/money-admin.en.js";
import { organisationDataEn } from "./features/organisation-data.en.js";
import { pdfLanguageEn } from "./features/pdf-language.en.js";
import { portalAccessEn } from "./features/portal-access.en.js";
import { portalActivityEn } from "./features/portal-activity.en.js";
import { portalSettingsEn } from "./features/portal-settings.en.js";
import { projectsEn } from "./features/projects.en.js";
import { recurringEn } from "./features/recurring.en.js";
import { remindersEn } from "./features/reminders.en.js";
import { searchEn } from "./features/search.en.js";
import { signingCertificateEn } from "./features/signing-certificate.en.js";
import { signupEn } from "./features/signup.en.js";
import { staffPasswordsEn } from "./features/staff-passwords.en.js";
import { teamEn } from "./features/team.en.js";
import { twoFactorEn } from "./features/two-factor.en.js";
import { verifactuEn } from "./features/verifactu.en.js";
import { verifactuRecordXmlEn } from "./features/verifactu-record-xml.en.js";
import { portalEn } from "./portal.en.js";
import type { Messages } from "./types.js";

/** The address fields of a customer and of the organisation. */
const addressFieldsEn = {
  addressLine1: "Address",
  addressLine2: "Address (line 2)",
  city: "City",
  postalCode: "Postal code",
  region: "Region",
  country: "Country (2-letter code)",
};

/** English catalogue; typed so that its keys are exactly those of `es`. */
export const en: Messages<typeof es> = {
  ...portalEn,
  admin: {
    appName: "Portico",
    nav: {
      main: "Main navigation",
      dashboard: "Dashboard",
      customers: "Customers",
      invoices: "Invoices",
      outbox: "Outbox",
      settings: "Settings",
      toggle: "Toggle navigation",
      notifications: "Notifications ({{count}} unread)",
      appointments: "Appointments",
    },
    login: {
      title: "Sign in to Portico",
      email: "Email",
      password: "Password",
      submit: "Sign in",
      showPassword: "Show or hide the password",
    },
    dashboard: {
      title: "Dashboard",
      hello: "Hello, {{name}}",
      quickLinks: "Quick links",
      newInvoice: "New invoice",
      newCustomer: "New customer",
      openOutbox: "Open the outbox",
      notifications: "Notifications",
      noNotifications: "No notifications yet.",
      loadOlder: "Load older notifications",
      markAllRead: "Mark all as read",
      unread: "{{count}} unread",
      new: "New",
    },
    notification: {
      invoice_viewed: "{{customerName}} viewed invoice {{number}}",
      payment_received: "{{customerName}} paid {{amount}} on invoice {{number}}",
      invoice_paid: "Invoice {{number}} of {{customerName}} is paid",
      quote_viewed: "{{customerName}} viewed quote {{number}}",
      quote_accepted: "{{customerName}} accepted quote {{number}}",
      quote_declined: "{{customerName}} declined quote {{number}}",
      payment_declined:
        "The payment of {{amount}} from {{customerName}} for {{number}} was refused: {{reason}} (code {{code}}). The invoice is still open",
      payment_failed:
        "The bank debit of {{amount}} from {{customerName}} for {{number}} failed; the invoice is open again",
      refund_failed:
        "The provider refused the refund of {{amount}} to {{customerName}}; nothing was refunded",
      payment_unapplied:
        "{{customerName}} paid online for invoices already paid meanwhile: {{amount}} of receipt {{number}} is held as their credit. Apply it to another invoice or refund it",
      refund_unconfirmed:
        "The provider did not answer the refund of {{amount}} to {{customerName}}: it is not recorded here. Check the payment at the provider; refunding the same amount again is safe (the provider sees the same request)",
      payment_disputed: "{{customerName}} disputed a payment of {{amount}} ({{number}}) at the provider",
      payment_mismatch:
        "The provider reports a payment of {{amount}} from {{customerName}} for {{number}}, but {{expected}} was asked: it is not recorded. Check it at the provider (reference {{reference}}) and record or refund the payment",
      other: "New activity",
    },
    customers: {
      title: "Customers",
      new: "New customer",
      search: "Search customers",
      emptyTitle: "No customers yet",
      emptyDescription: "Create your first customer to start invoicing.",
      noMatches: "No customer matches your search.",
      createTitle: "New customer",
      created: "Customer created",
      sectionDetails: "Details",
      sectionAddress: "Billing address",
      sectionBilling: "Billing",
      kind: "Type",
      kinds: { company: "Company", individual: "Individual" },
      name: "Name",
      legalName: "Legal name",
      taxId: "Tax ID",
      email: "Email",
      phone: "Phone",
      ...addressFieldsEn,
      currency: "Currency",
      language: "Language",
      languageDefault: "Organisation's language",
      paymentTermsDays: "Payment terms (days)",
      mayPayByBank: "May pay from a bank account",
      remindersOptOut: "Do not send payment reminders",
      remindersOptOutHint: "The customer gets none of the automatic reminders of Settings › Reminders",
      notes: "Internal notes",
      contactCount: "Contacts",
    },
    contacts: {
      title: "Contact persons",
      add: "Add contact",
      empty: "This customer has no contacts yet.",
      added: "Contact added",
      name: "Name",
      email: "Email",
      phone: "Phone",
      isPrimary: "Primary contact",
      primary: "Primary",
      contactN: "Contact {{n}}",
      removeN: "Remove contact {{n}}",
    },
    invoices: {
      title: "Invoices",
      new: "New invoice",
      search: "Search by number or customer",
      statusFilter: "Status",
      emptyTitle: "No invoices yet",
      emptyDescription: "Create a draft invoice, issue it and send it to your customer.",
      noMatches: "No invoice matches the filters.",
    },
    editor: {
      newTitle: "New invoice",
      editTitle: "Edit draft",
      selectCustomer: "Choose a customer",
      noCustomers: "Create a customer first.",
      addLine: "Add line",
      removeLine: "Remove line {{n}}",
      lineN: "Line {{n}}",
      lineField: "{{field}} (line {{n}})",
      quantityPlaceholder: "1",
      discountPlaceholder: "0 %",
      allowPartialPayments: "Allow partial payments",
      saveDraft: "Save draft",
      saved: "Draft saved",
      atLeastOneLine: "Add at least one line",
      notDraft: "This invoice has been issued and can no longer be edited.",
    },
    detail: {
      draftTitle: "Draft invoice",
      title: "Invoice {{number}}",
      issue: "Issue",
      send: "Send",
      void: "Void",
      edit: "Edit",
      downloadPdf: "Download PDF",
      issued: "Invoice issued as {{number}}",
      sendTitle: "Send invoice",
      sendIntro: "If it is still a draft, the invoice will be issued first. It will be emailed to:",
      sendNoContacts: "This customer has no contact with an email address. Add one first.",
      sendConfirm: "Send invoice",
      sentTo: "Sent to {{emails}}",
      voidTitle: "Void invoice",
      voidBody: "A void invoice cannot be used again. Do you want to void it?",
      voidConfirm: "Void invoice",
      voided: "Invoice voided",
      viewedAt: "Viewed by the customer: {{date}}",
    },
    outbox: {
      title: "Outbox",
      emptyTitle: "No emails",
      emptyDescription: "Emails sent by Portico will show up here.",
      to: "To",
      subject: "Subject",
      status: "Status",
      date: "Date",
      attachments: "Attachments",
      noAttachments: "No attachments",
      htmlVersion: "Email preview",
      textVersion: "Text version",
      previewTitle: "Email preview",
      statuses: { outbox: "In outbox", queued: "Queued", sent: "Sent", failed: "Failed" },
      search: "Search recipient or subject",
      noMatches: "No email matches",
      count: "Emails: {{count}}",
    },
    settings: {
      title: "Settings",
      appointmentsTab: "Appointments",
      organisationTab: "Organisation",
      taxesTab: "Taxes",
      portalTab: "Portal",
      sectionIdentity: "Identity",
      sectionAddress: "Address",
      sectionContact: "Contact",
      sectionBranding: "Brand and region",
      sectionBank: "Bank account for transfers",
      name: "Trading name",
      legalName: "Legal name",
      taxId: "Tax ID",
      ...addressFieldsEn,
      phone: "Phone",
      mobile: "Mobile",
      email: "Email",
      website: "Website",
      socialLinks: "Social links",
      socialLinksHint: "One address per line",
      brandColor: "Brand colour",
      baseCurrency: "Base currency",
      language: "Language",
      timeZone: "Time zone",
      iban: "IBAN",
      bic: "BIC",
    },
    logo: {
      title: "Logo",
      alt: "Logo of {{name}}",
      none: "No logo yet.",
      upload: "Upload logo",
      hint: "PNG or JPEG, up to 1 MB",
      remove: "Remove logo",
      uploaded: "Logo updated",
      removed: "Logo removed",
    },
    taxes: {
      title: "Taxes",
      name: "Name",
      rate: "Rate (%)",
      rateHint: "For example 21, or −15 for a withholding",
      isDefault: "Default tax",
      default: "Default",
      add: "Add tax",
      added: "Tax added",
      empty: "No taxes yet. Create at least a default one to issue invoices.",
    },
    portal: {
      enabled: "Portal enabled",
      slug: "Portal address",
      slugHint: "Lowercase letters, digits and hyphens",
      url: "Your customers will open it at:",
      deliveryMode: "Document delivery",
      delivery: {
        pdf: "PDF attached to the email",
        link: "Link to the portal",
        both: "PDF attached and link to the portal",
      },
    },
  },
  signup: signupEn,
  staffPasswords: staffPasswordsEn,
  apiKeys: apiKeysEn,
  organisationData: organisationDataEn,
  imports: importsEn,
  backgroundJobs: backgroundJobsEn,
  projects: projectsEn,
  recurring: recurringEn,
  reminders: remindersEn,
  emailTemplates: emailTemplatesEn,
  team: teamEn,
  twoFactor: twoFactorEn,
  issueDates: issueDatesEn,
  portalActivity: portalActivityEn,
  pdfLanguage: pdfLanguageEn,
  moneyAdmin: moneyAdminEn,
  portalSettings: portalSettingsEn,
  portalAccess: portalAccessEn,
  customerRecords: customerRecordsEn,
  gateways: gatewaysEn,
  verifactu: verifactuEn,
  signingCertificate: signingCertificateEn,
  verifactuRecordXml: verifactuRecordXmlEn,
  search: searchEn,
  exports: exportsEn,
  lists: listsEn,
};
