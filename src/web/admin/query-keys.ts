export const queryKeys = {
  me: ["me"] as const,
  organisation: ["organisation"] as const,
  portalSettings: ["portal-settings"] as const,
  taxes: ["taxes"] as const,
  customers: (q = "") => ["customers", q] as const,
  customer: (id: string) => ["customer", id] as const,
  outbox: ["outbox"] as const,
  email: (id: string) => ["outbox", id] as const,
  notifications: ["notifications"] as const,
};
