import { eq } from "drizzle-orm";
import type { IssueDateBody } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import type { EmailKind, StaffTemplateKind, Template } from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { deliverDocument, type Lang } from "../documents/deliver-document.js";
import { buildInvoicePdf, invoicePdfFilename } from "./invoice-pdf.js";
import { findDetail, findInvoice } from "./invoices.queries.js";
import { issueInTx, orgToday } from "./invoices.service.js";

/**
 * Sends an invoice to the customer's contacts by the organisation's delivery mode (C3); a draft is
 * issued first, in the same transaction, with its own date or the one asked for (`dates`).
 */
export async function sendInvoice(
  deps: { db: Db; config: Config; mailer: Mailer },
  orgId: string,
  invoiceId: string,
  contactIds: string[] | undefined,
  dates?: IssueDateBody,
) {
  const result = await withOrg(deps.db, orgId, (tx) =>
    sendInvoiceInTx(tx, deps, orgId, invoiceId, contactIds, dates),
  );
  void deps.mailer.deliverQueued();
  return result;
}

/** `sendInvoice` in the caller's transaction (a recurring profile's invoice); the caller nudges the mailer. */
export async function sendInvoiceInTx(
  tx: Tx,
  deps: { config: Config; mailer: Mailer },
  orgId: string,
  invoiceId: string,
  contactIds: string[] | undefined,
  dates?: IssueDateBody,
) {
  let invoice = await findInvoice(tx, invoiceId);
  if (invoice.status === "void") throw new AppError("INVOICE_VOID");
  if (invoice.status === "draft") invoice = await issueInTx(tx, orgId, invoiceId, dates);
  const detail = await findDetail(tx, invoice, await orgToday(tx, orgId));
  const sent = await deliverDocument(tx, deps, {
    orgId,
    customerId: invoice.customerId,
    documentType: "invoice",
    documentId: invoice.id,
    contactIds,
    emailKind: "invoice_sent",
    emailVars: () => ({
      kind: invoice.kind,
      number: invoice.number,
      total_minor: invoice.totalMinor,
      currency: invoice.currency,
      due_date: invoice.dueDate,
    }),
    renderPdf: (lang) => buildInvoicePdf(tx, orgId, detail, lang),
    pdfFilename: invoicePdfFilename(detail),
  });
  const now = clock.now();
  await tx
    .update(invoices)
    .set({
      sentAt: now,
      updatedAt: now,
      ...(invoice.status === "issued" ? { status: "sent" as const } : {}),
    })
    .where(eq(invoices.id, invoice.id));
  return sent;
}

export interface InvoiceEmail {
  kind: EmailKind | StaffTemplateKind;
  /** A staff-written template per language (payment reminders); else the built-in one of `kind`. */
  staffTemplate?: (lang: Lang) => Template;
  /** Variables beyond the invoice's own (kind, number, total_minor, due_minor, currency, due_date). */
  vars?: (lang: Lang) => Record<string, string | number | boolean | null>;
}

/**
 * Emails an issued invoice to the customer's contacts with another email than "invoice sent" (a payment
 * reminder, a failed automatic charge), by the delivery mode like a send, in the caller's transaction.
 * The invoice's sent state does not change.
 */
export async function emailInvoiceInTx(
  tx: Tx,
  deps: { config: Config; mailer: Mailer },
  orgId: string,
  invoiceId: string,
  email: InvoiceEmail,
) {
  const invoice = await findInvoice(tx, invoiceId);
  const detail = await findDetail(tx, invoice, await orgToday(tx, orgId));
  return deliverDocument(tx, deps, {
    orgId,
    customerId: invoice.customerId,
    documentType: "invoice",
    documentId: invoice.id,
    contactIds: undefined,
    emailKind: email.kind,
    ...(email.staffTemplate ? { staffTemplate: email.staffTemplate } : {}),
    emailVars: (lang) => ({
      kind: invoice.kind,
      number: invoice.number,
      total_minor: invoice.totalMinor,
      due_minor: Math.max(0, invoice.totalMinor - invoice.paidMinor),
      currency: invoice.currency,
      due_date: invoice.dueDate,
      ...email.vars?.(lang),
    }),
    renderPdf: (lang) => buildInvoicePdf(tx, orgId, detail, lang),
    pdfFilename: invoicePdfFilename(detail),
  });
}
