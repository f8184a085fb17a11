/**
 * The TanStack keys of the sales documents, one factory for both apps: the lists share a prefix
 * (`["quotes"]` refreshes every filtered list), the details another (`["quote"]` every open quote), and the
 * live events refresh the same keys.
 */
const NAMES = {
  invoice: { list: "invoices", one: "invoice" },
  quote: { list: "quotes", one: "quote" },
  sales_order: { list: "sales-orders", one: "sales-order" },
} as const;

export type DocumentType = keyof typeof NAMES;

export function isDocumentType(value: string): value is DocumentType {
  return Object.hasOwn(NAMES, value);
}

export function documentKeys<T extends DocumentType>(type: T) {
  const names: (typeof NAMES)[T] = NAMES[type];
  return {
    all: [names.list] as const,
    list: (filters: object) => [names.list, filters] as const,
    details: [names.one] as const,
    detail: (id: string) => [names.one, id] as const,
  };
}

export const invoiceKeys = documentKeys("invoice");
export const quoteKeys = documentKeys("quote");
export const salesOrderKeys = documentKeys("sales_order");
