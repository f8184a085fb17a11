import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type CommentDocumentType,
  comment,
  idParams,
  newCommentBody,
  newPortalCommentBody,
  portalComment,
  slugIdParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import {
  addPortalComment,
  addStaffComment,
  listPortalComments,
  listStaffComments,
} from "./comments.service.js";

/** The path segment of each document type; one pair of routes per type on each side. */
const STAFF_PATHS: [string, CommentDocumentType][] = [
  ["quotes", "quote"],
  ["invoices", "invoice"],
  ["sales-orders", "sales_order"],
  ["timesheets", "timesheet"],
];
// Sales orders have no portal comments yet: their portal pages are behind the showSalesOrders option,
// which these routes would have to honour too.
// Timesheets honour showProjects in documents/document-registry.ts (findPortalDocument).
const PORTAL_PATHS: [string, CommentDocumentType][] = [
  ["quotes", "quote"],
  ["invoices", "invoice"],
  ["timesheets", "timesheet"],
];

/** Comments on documents (A14): staff see and write all; a contact sees what the portal shows. */
export async function commentRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff(db);
  const contact = requireContact(db);

  for (const [segment, type] of STAFF_PATHS) {
    const tags = ["comments"];
    r.get(
      `/api/${segment}/:id/comments`,
      { onRequest: staff, schema: { tags, params: idParams, response: { 200: z.array(comment) } } },
      (req) => listStaffComments(db, staffOf(req), type, req.params.id),
    );
    r.post(
      `/api/${segment}/:id/comments`,
      {
        onRequest: staff,
        schema: { tags, params: idParams, body: newCommentBody, response: { 201: comment } },
      },
      async (req, reply) =>
        reply.status(201).send(await addStaffComment(db, staffOf(req), type, req.params.id, req.body)),
    );
  }

  for (const [segment, type] of PORTAL_PATHS) {
    const tags = ["portal"];
    r.get(
      `/api/portal/:slug/${segment}/:id/comments`,
      {
        onRequest: contact,
        schema: { tags, params: slugIdParams, response: { 200: z.array(portalComment) } },
      },
      (req) => listPortalComments(db, contactOf(req), type, req.params.id),
    );
    r.post(
      `/api/portal/:slug/${segment}/:id/comments`,
      {
        onRequest: contact,
        schema: { tags, params: slugIdParams, body: newPortalCommentBody, response: { 201: portalComment } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await addPortalComment(
              db,
              mail,
              contactOf(req),
              type,
              req.params.id,
              req.body.body,
              auditOriginOf(req),
            ),
          ),
    );
  }
}
