import type { Comment, CommentDocumentType, PortalComment } from "../../../shared/contracts/index.js";
import { api, apiClient } from "../api-client.js";
import { type LiveSide, portalSlug } from "../live/use-live-events.js";

export type AnyComment = Comment | PortalComment;

const SEGMENTS = {
  quote: "quotes",
  invoice: "invoices",
  sales_order: "sales-orders",
  timesheet: "timesheets",
} as const satisfies Record<CommentDocumentType, string>;

/** One document's comments on one side: staff read all and choose what the portal shows. */
export interface CommentsApi {
  list: (signal: AbortSignal) => Promise<AnyComment[]>;
  add: (body: string, visibleInPortal: boolean) => Promise<AnyComment>;
}

export function commentsApi(side: LiveSide, type: CommentDocumentType, id: string): CommentsApi {
  const params = { id };
  if (side === "staff")
    return {
      list: (signal) => api.get(`/api/${SEGMENTS[type]}/:id/comments`, { params, signal }),
      add: (body, visibleInPortal) =>
        api.post(`/api/${SEGMENTS[type]}/:id/comments`, { params, body: { body, visibleInPortal } }),
    };
  // The ui folder must not import the portal app: the slug comes from the address, as for live events.
  const portal = apiClient({ slug: portalSlug() });
  return {
    list: (signal) => portal.get(`/api/portal/:slug/${SEGMENTS[type]}/:id/comments`, { params, signal }),
    add: (body) =>
      portal.post(`/api/portal/:slug/${SEGMENTS[type]}/:id/comments`, { params, body: { body } }),
  };
}
