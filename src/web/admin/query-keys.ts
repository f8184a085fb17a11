export const queryKeys = {
  me: ["me"] as const,
  organisation: ["organisation"] as const,
  portalSettings: ["portal-settings"] as const,
  taxes: ["taxes"] as const,
  customers: (q = "") => ["customers", q] as const,
  customer: (id: string) => ["customer", id] as const,
  invoices: (filters: { status?: string; kind?: string; q?: string; customerId?: string } = {}) =>
    ["invoices", filters] as const,
  invoice: (id: string) => ["invoice", id] as const,
  outbox: ["outbox"] as const,
  email: (id: string) => ["outbox", id] as const,
  notifications: ["notifications"] as const,
};
