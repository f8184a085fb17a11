import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { language } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { contacts } from "../../db/schema/index.js";
import { requestLanguage } from "../../http/error-handler.js";
import { loadCustomerRecord } from "../customers/customers.service.js";

export type PdfLanguage = "es" | "en";

/** `?lang=es|en` on a PDF route: draws the PDF in that language whoever reads it. */
export const pdfLanguageQuery = z.object({ lang: language.optional() });

/** What a PDF request says about the language: its `?lang=`, and the browser's as a last resort. */
export interface PdfLanguageChoice {
  query: PdfLanguage | undefined;
  browser: PdfLanguage;
}

export const pdfLanguageChoice = (req: FastifyRequest): PdfLanguageChoice => {
  const lang = (req.query as { lang?: unknown } | undefined)?.lang;
  return { query: lang === "es" || lang === "en" ? lang : undefined, browser: requestLanguage(req) };
};

/**
 * Issue 10: the language a document, statement or receipt PDF is drawn in. `?lang=` first; then the
 * contact's language (a portal download); then the customer's (a staff download, like the emailed PDF);
 * the browser's only when none of them has chosen one.
 */
export async function pdfLanguage(
  tx: Tx,
  who: { customerId: string; contactId?: string },
  choice: PdfLanguageChoice,
): Promise<PdfLanguage> {
  if (choice.query) return choice.query;
  if (who.contactId) {
    const [contact] = await tx
      .select({ language: contacts.language })
      .from(contacts)
      .where(and(eq(contacts.id, who.contactId), eq(contacts.customerId, who.customerId)));
    if (contact?.language === "es" || contact?.language === "en") return contact.language;
  }
  // An archived customer's documents still render (issue 10), so its record is read, archived or not.
  const customer = await loadCustomerRecord(tx, who.customerId);
  if (customer.language === "es" || customer.language === "en") return customer.language;
  return choice.browser;
}
