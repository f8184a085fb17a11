import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MessageThreadDetail,
  MessageThreadPage,
  NewAttachment,
} from "../../../shared/contracts/index.js";
import { api, apiClient } from "../api-client.js";
import { type LiveSide, portalSlug } from "../live/use-live-events.js";
import { queryKeys } from "../query-keys.js";

/**
 * Messages (E10) for either app: staff reach every thread of the organisation, a contact its customer's.
 * The ui folder must not import the portal app: the slug comes from the address, as for live events.
 */
const portalClient = () => apiClient({ slug: portalSlug() });

export interface ThreadFilters {
  unread?: boolean;
  customerId?: string;
}

export function useThreads(side: LiveSide, filters: ThreadFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages.list({ side, ...filters }),
    queryFn: ({ pageParam, signal }): Promise<MessageThreadPage> => {
      const query = {
        cursor: pageParam,
        ...(filters.unread ? { unread: "true" } : {}),
        ...(filters.customerId ? { customerId: filters.customerId } : {}),
      };
      return side === "staff"
        ? api.get("/api/messages", { query, signal })
        : portalClient().get("/api/portal/:slug/messages", { query, signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The side's unread messages, for the navigation's badge; live events refresh it. */
export function useUnreadMessages(side: LiveSide, enabled = true) {
  return useQuery({
    queryKey: queryKeys.messages.unread,
    queryFn: ({ signal }) =>
      side === "staff"
        ? api.get("/api/messages/unread", { signal })
        : portalClient().get("/api/portal/:slug/messages/unread", { signal }),
    enabled,
  });
}

export function useThread(side: LiveSide, id: string) {
  return useQuery({
    queryKey: queryKeys.messages.detail(id),
    queryFn: async ({ signal }): Promise<MessageThreadDetail> => {
      const thread =
        side === "staff"
          ? await api.get("/api/messages/:id", { params: { id }, signal })
          : await portalClient().get("/api/portal/:slug/messages/:id", { params: { id }, signal });
      return thread;
    },
  });
}

/** Opening a thread marked it read: the lists and the badge are refreshed once it has loaded. */
export function useRefreshAfterOpen() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.messages.unread });
    void qc.invalidateQueries({ queryKey: ["messages", "list"] });
  };
}

export function useReply(side: LiveSide, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; attachments: NewAttachment[] }) =>
      side === "staff"
        ? api.post("/api/messages/:id/replies", { params: { id }, body })
        : portalClient().post("/api/portal/:slug/messages/:id/replies", { params: { id }, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.messages.all }),
  });
}

export function useStartThread(side: LiveSide) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      customerId?: string;
      subject: string;
      body: string;
      attachments: NewAttachment[];
    }): Promise<MessageThreadDetail> =>
      side === "staff"
        ? api.post("/api/messages", { body: { ...body, customerId: body.customerId ?? "" } })
        : portalClient().post("/api/portal/:slug/messages", {
            body: { subject: body.subject, body: body.body, attachments: body.attachments },
          }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.messages.all }),
  });
}

/** Where an attachment downloads from (a plain link: the session cookie goes with it). */
export function attachmentHref(side: LiveSide, threadId: string, attachmentId: string): string {
  const tail = `messages/${encodeURIComponent(threadId)}/attachments/${encodeURIComponent(attachmentId)}`;
  return side === "staff" ? `/api/${tail}` : `/api/portal/${encodeURIComponent(portalSlug())}/${tail}`;
}
