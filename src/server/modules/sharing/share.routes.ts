import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { shareDocumentBody, shareDocumentResult, slugIdParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import type { LinkedDocumentType } from "../documents/document-links.service.js";
import { shareDocument } from "./share-document.service.js";

const PATHS: [string, LinkedDocumentType][] = [
  ["quotes", "quote"],
  ["invoices", "invoice"],
  ["sales-orders", "sales_order"],
];

/** E14: a contact shares a document with another person (a preview answers PREVIEW_READ_ONLY). */
export async function shareRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  for (const [segment, type] of PATHS) {
    r.post(
      `/api/portal/:slug/${segment}/:id/share`,
      {
        onRequest,
        schema: {
          tags: ["portal"],
          params: slugIdParams,
          body: shareDocumentBody,
          response: { 200: shareDocumentResult },
        },
      },
      (req) =>
        shareDocument(
          db,
          { mailer, config },
          contactOf(req),
          type,
          req.params.id,
          req.body,
          auditOriginOf(req),
        ),
    );
  }
}
