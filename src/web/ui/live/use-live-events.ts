import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { LiveCommentEvent, LiveStatusEvent } from "../../../shared/contracts/index.js";
import { queryKeys } from "../query-keys.js";

export type LiveSide = "staff" | "portal";

/** The portal's slug from `/p/{slug}/…` (the ui folder must not import the portal app). */
export const portalSlug = () => decodeURIComponent(/^\/p\/([^/]+)/.exec(window.location.pathname)?.[1] ?? "");

export const liveStreamUrl = (side: LiveSide) =>
  side === "staff" ? "/api/events" : `/api/portal/${encodeURIComponent(portalSlug())}/events`;

interface Connection {
  source: EventSource;
  refs: number;
  clients: Set<QueryClient>;
  connectedOnce: boolean;
}

/** One EventSource per stream for the whole page, however many components ask for it. */
const connections = new Map<string, Connection>();

function connect(url: string, side: LiveSide): Connection {
  const existing = connections.get(url);
  if (existing) return existing;
  const source = new EventSource(url, { withCredentials: true });
  const conn: Connection = { source, refs: 0, clients: new Set(), connectedOnce: false };
  const each = (fn: (qc: QueryClient) => void) => {
    for (const qc of conn.clients) fn(qc);
  };
  source.addEventListener("ready", () => {
    // After a reconnection, events sent meanwhile were missed: re-read what is on screen.
    if (conn.connectedOnce) each((qc) => void qc.invalidateQueries());
    conn.connectedOnce = true;
  });
  source.addEventListener("comment", (e) => {
    const data = parse<LiveCommentEvent>(e);
    if (!data) return;
    each((qc) => {
      void qc.invalidateQueries({ queryKey: queryKeys.comments(data.documentType, data.documentId) });
      if (side === "staff") void qc.invalidateQueries({ queryKey: queryKeys.notifications });
    });
  });
  source.addEventListener("document_status", (e) => {
    const data = parse<LiveStatusEvent>(e);
    if (!data) return;
    each((qc) => {
      void qc.invalidateQueries({ queryKey: queryKeys.live.document(data.documentType, data.documentId) });
      void qc.invalidateQueries({ queryKey: queryKeys.live.list(data.documentType) });
      if (side === "staff") void qc.invalidateQueries({ queryKey: queryKeys.notifications });
    });
  });
  // Messages (E10): a new message or a thread read elsewhere changes lists, threads and unread counts.
  const refreshMessages = () =>
    each((qc) => {
      void qc.invalidateQueries({ queryKey: queryKeys.messages.all });
      if (side === "staff") void qc.invalidateQueries({ queryKey: queryKeys.notifications });
    });
  source.addEventListener("message", refreshMessages);
  source.addEventListener("messages_read", refreshMessages);
  connections.set(url, conn);
  return conn;
}

function parse<T>(e: Event): T | null {
  try {
    return JSON.parse((e as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

/**
 * Keeps this side's live stream (G4) open while the component is mounted and refreshes the queries an
 * event concerns, so comments and status changes show up without a reload. The browser reconnects on
 * its own (the server's `retry:` hint); the last component to unmount closes the stream.
 */
export function useLiveEvents(side: LiveSide): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const url = liveStreamUrl(side);
    const conn = connect(url, side);
    conn.refs += 1;
    conn.clients.add(qc);
    return () => {
      conn.refs -= 1;
      if (conn.refs > 0) return;
      conn.source.close();
      connections.delete(url);
    };
  }, [side, qc]);
}
