import type { z } from "zod";
import type { loginBody, staffForgotBody } from "./auth.js";
import type { newCommentBody, newPortalCommentBody } from "./comments.js";
import type { okResponse } from "./common.js";
import type { sendInvoiceBody, sendInvoiceResult } from "./invoices.js";
import type { payAllBody, payInvoiceBody } from "./money.js";
import type { notificationList } from "./notifications.js";
import type { payResult } from "./portal.js";
import type { portalForgotBody } from "./portal-auth.js";
import type {
  convertQuoteBody,
  convertQuoteResult,
  convertQuoteToSalesOrderResult,
  declineQuoteBody,
  sendQuoteBody,
  sendQuoteResult,
  verifyEvidenceResult,
} from "./quotes.js";
import type { invoiceSalesOrderResult, sendSalesOrderBody, sendSalesOrderResult } from "./sales-orders.js";

/**
 * Types of request bodies and answers whose schemas the routes already use but no type named yet; the web
 * client's endpoint table (web/ui/endpoints.ts) binds each route to them.
 */
export type OkResponse = z.infer<typeof okResponse>;
export type LoginBody = z.input<typeof loginBody>;
export type StaffForgotBody = z.input<typeof staffForgotBody>;
export type PortalForgotBody = z.input<typeof portalForgotBody>;
export type NotificationList = z.infer<typeof notificationList>;
export type SendInvoiceBody = z.input<typeof sendInvoiceBody>;
export type SendInvoiceResult = z.infer<typeof sendInvoiceResult>;
export type SendQuoteBody = z.input<typeof sendQuoteBody>;
export type SendQuoteResult = z.infer<typeof sendQuoteResult>;
export type SendSalesOrderBody = z.input<typeof sendSalesOrderBody>;
export type SendSalesOrderResult = z.infer<typeof sendSalesOrderResult>;
export type ConvertQuoteBody = z.input<typeof convertQuoteBody>;
/** The route answers one of the two results (by the body's target); read as one shape. */
export type ConvertQuoteAnswer = Partial<
  Pick<z.infer<typeof convertQuoteResult>, "invoiceId"> &
    Pick<z.infer<typeof convertQuoteToSalesOrderResult>, "salesOrderId">
> &
  Pick<z.infer<typeof convertQuoteResult>, "quote">;
export type VerifyEvidenceResult = z.infer<typeof verifyEvidenceResult>;
export type DeclineQuoteBody = z.input<typeof declineQuoteBody>;
export type InvoiceSalesOrderResult = z.infer<typeof invoiceSalesOrderResult>;
export type PayInvoiceBody = z.input<typeof payInvoiceBody>;
export type PayAllBody = z.input<typeof payAllBody>;
export type PayResult = z.infer<typeof payResult>;
export type StaffCommentBody = z.input<typeof newCommentBody>;
export type PortalCommentBody = z.input<typeof newPortalCommentBody>;
