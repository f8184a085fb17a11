/**
 * Every TanStack query key of both apps, from this one factory: each `useQuery`, each invalidation and
 * each live-event refresh takes its key here. A group's `all` (or `details`) is the prefix of every key
 * in it, so invalidating `queryKeys.quotes.all` refreshes every filtered quote list and
 * `queryKeys.quotes.details` every open quote. The values are what the pages, live events and e2e rely on.
 */

/** The sales documents' names: their lists share one prefix (`["quotes"]`), their details another. */
const DOCUMENT_NAMES = {
  invoice: { list: "invoices", one: "invoice" },
  quote: { list: "quotes", one: "quote" },
  sales_order: { list: "sales-orders", one: "sales-order" },
} as const;

export type DocumentType = keyof typeof DOCUMENT_NAMES;

export function isDocumentType(value: string): value is DocumentType {
  return Object.hasOwn(DOCUMENT_NAMES, value);
}

export function documentKeys<T extends DocumentType>(type: T) {
  const names: (typeof DOCUMENT_NAMES)[T] = DOCUMENT_NAMES[type];
  return {
    all: [names.list] as const,
    list: (filters: object) => [names.list, filters] as const,
    /** The count and sums of a filtered list (issue 19), refreshed with the lists. */
    totals: (filters: object) => [names.list, "totals", filters] as const,
    details: [names.one] as const,
    detail: (id: string) => [names.one, id] as const,
  };
}

const invoices = documentKeys("invoice");

export const queryKeys = {
  /** The signed-in staff member or contact (each app has one). */
  me: ["me"] as const,
  branding: ["branding"] as const,
  organisation: ["organisation"] as const,
  portalSettings: ["portal-settings"] as const,
  reminderSettings: ["reminder-settings"] as const,
  verifactuSettings: ["verifactu", "settings"] as const,
  verifactuRecords: ["verifactu", "records"] as const,
  emailTemplates: ["email-templates"] as const,
  emailTemplate: (kind: string, language: string) => ["email-templates", kind, language] as const,
  taxes: ["taxes"] as const,
  apiKeys: ["api-keys"] as const,
  paymentGateways: ["payment-gateways"] as const,
  authOptions: ["auth-options"] as const,
  signupSlug: (slug: string) => ["signup-slug", slug] as const,
  staffOrganisations: ["staff-organisations"] as const,
  onboarding: ["onboarding"] as const,
  team: ["team"] as const,
  twoFactor: ["two-factor"] as const,
  notifications: ["notifications"] as const,
  backgroundJobs: ["background-jobs"] as const,
  /** Facturae (issue 17 §3): the organisation's signing certificate; the portal's "is it offered". */
  signingCertificate: ["signing-certificate"] as const,
  portalFacturae: ["portal-facturae"] as const,
  /** Projects and time: lists under `all`, one project, its entries, the caller's timer. */
  projects: {
    all: ["projects"] as const,
    list: (filters: object) => ["projects", filters] as const,
    totals: (filters: object) => ["projects", "totals", filters] as const,
    detail: (id: string) => ["project", id] as const,
    entries: (id: string, filters: object) => ["project", id, "entries", filters] as const,
    timer: ["timer"] as const,
    staffRates: ["staff-rates"] as const,
  },
  recurring: {
    all: ["recurring-profiles"] as const,
    page: (query: object) => ["recurring-profiles", "list", query] as const,
    totals: (filters: object) => ["recurring-profiles", "totals", filters] as const,
    one: (id: string) => ["recurring-profiles", "one", id] as const,
    invoices: (id: string) => ["recurring-profiles", "invoices", id] as const,
  },
  outbox: {
    all: ["outbox"] as const,
    email: (id: string) => ["outbox", id] as const,
  },
  customers: {
    all: ["customers"] as const,
    list: (q = "", archived = false) =>
      archived ? (["customers", q, "archived"] as const) : (["customers", q] as const),
    /** The lists' customer picker: a page of matches of a search (issue 19). */
    picker: (q: string) => ["customers", "picker", q] as const,
    /** The customer list's pages and the totals of its filtered set (issue 19). */
    page: (query: object) => ["customers", "page", query] as const,
    totals: (filters: object) => ["customers", "totals", filters] as const,
  },
  customer: (id: string) => ["customer", id] as const,
  importJob: (id: string) => ["import-job", id] as const,
  customerBalances: {
    all: ["customer-balances"] as const,
    of: (customerId: string) => ["customer-balances", customerId] as const,
  },
  portalAccess: {
    all: ["portal-access"] as const,
    of: (customerId: string) => ["portal-access", customerId] as const,
  },
  activity: {
    customer: (customerId: string) => ["portal-activity", "customer", customerId] as const,
    document: (documentType: DocumentType, documentId: string) =>
      ["portal-activity", documentType, documentId] as const,
  },
  document: documentKeys,
  invoices: {
    ...invoices,
    /** A customer's invoices that still owe something (under the lists' prefix: refreshed with them). */
    open: (customerId: string) => [...invoices.all, "open", customerId] as const,
  },
  quotes: documentKeys("quote"),
  salesOrders: documentKeys("sales_order"),
  payments: {
    all: ["payments"] as const,
    list: (filters: object) => ["payments", filters] as const,
    totals: (filters: object) => ["payments", "totals", filters] as const,
    details: ["payment"] as const,
    detail: (id: string) => ["payment", id] as const,
  },
  comments: (documentType: string, documentId: string) => ["comments", documentType, documentId] as const,
  /** Timesheets (issue 15 §5) of either app; a decision refreshes every list and the detail. */
  timesheets: {
    all: ["timesheets"] as const,
    list: (filters: object) => ["timesheets", "list", filters] as const,
    totals: (filters: object) => ["timesheets", "totals", filters] as const,
    detail: (id: string) => ["timesheets", "detail", id] as const,
  },
  /** Messages (E10) of either app; a live message refreshes every list, thread and unread count. */
  messages: {
    all: ["messages"] as const,
    list: (filters: object) => ["messages", "list", filters] as const,
    detail: (id: string) => ["messages", "detail", id] as const,
    unread: ["messages", "unread"] as const,
  },
  reviews: {
    all: ["reviews"] as const,
    list: (filters: object) => ["reviews", "list", filters] as const,
  },
  myReview: ["my-review"] as const,
  myNotificationPrefs: ["my-notification-prefs"] as const,
  unsubscribe: (token: string) => ["unsubscribe", token] as const,
  /** Appointments (issue 16 §3): slots, bookings and availability of either app. */
  appointments: {
    all: ["appointments"] as const,
    slots: (span: object) => ["appointments", "slots", span] as const,
    list: (filters: object) => ["appointments", "list", filters] as const,
    settings: ["appointments", "settings"] as const,
  },
  /** The header search box (issue 19): one key per text searched. */
  search: (q: string) => ["search", q] as const,
  // The portal's own
  home: ["home"] as const,
  purchaseHistory: (months: number, currency?: string) =>
    ["purchase-history", months, currency ?? ""] as const,
  myDetails: ["my-details"] as const,
  savedMethods: ["saved-methods"] as const,
  invitation: (token: string) => ["invitation", token] as const,
  statement: (filter: object) => ["statement", filter] as const,
  /** What a live event about a document refreshes: its detail and its kind's lists. */
  live: {
    document: (documentType: string, documentId: string): readonly string[] =>
      isDocumentType(documentType)
        ? documentKeys(documentType).detail(documentId)
        : [documentType, documentId],
    list: (documentType: string): readonly string[] =>
      isDocumentType(documentType) ? documentKeys(documentType).all : [`${documentType}s`],
  },
};
