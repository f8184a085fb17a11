import { portalDocuments } from "../portal-documents.js";

export const usePortalSalesOrders = (filters: { status?: string; q?: string }) =>
  portalDocuments.useList("sales_order", filters);

export const usePortalSalesOrder = (id: string) => portalDocuments.useOne("sales_order", id);
