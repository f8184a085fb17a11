import { sql } from "drizzle-orm";
import { z } from "zod";
import { commentDocumentType } from "../../shared/contracts/index.js";
import type { Database, Tx } from "../db/client.js";

/** The one NOTIFY channel of live updates (G4). */
export const REALTIME_CHANNEL = "portico_events";

/**
 * What travels through PostgreSQL: ids and the tenant only, never text a receiver might not be allowed
 * to read. Each stream re-reads the object in its own scope (staff: the organisation; a contact: its
 * customer, under row-level security) and sends what that reader may see.
 */
const realtimeEvent = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("comment"),
    orgId: z.uuid(),
    customerId: z.uuid(),
    documentType: commentDocumentType,
    documentId: z.uuid(),
    commentId: z.uuid(),
  }),
  z.object({
    kind: z.literal("document_status"),
    orgId: z.uuid(),
    customerId: z.uuid(),
    documentType: commentDocumentType,
    documentId: z.uuid(),
    status: z.string().max(40),
  }),
  // Messages (E10, decision 043): a new message, and a side that opened a thread (unread counts changed).
  z.object({
    kind: z.literal("message"),
    orgId: z.uuid(),
    customerId: z.uuid(),
    threadId: z.uuid(),
    messageId: z.uuid(),
  }),
  z.object({
    kind: z.literal("messages_read"),
    orgId: z.uuid(),
    customerId: z.uuid(),
    threadId: z.uuid(),
    side: z.enum(["staff", "customer"]),
  }),
]);
export type RealtimeEvent = z.infer<typeof realtimeEvent>;

/**
 * Publishes inside the writing transaction: PostgreSQL delivers a NOTIFY only when the transaction
 * commits, so a rolled-back change is never announced, and every app instance listening on the same
 * database (several servers, or PGlite in-process) hears it.
 */
export async function publish(tx: Tx, event: RealtimeEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${JSON.stringify(event)})`);
}

export interface RealtimeFilter {
  orgId: string;
  /** A contact's stream: only its customer's events. */
  customerId?: string;
}
type Listener = { filter: RealtimeFilter; cb: (event: RealtimeEvent) => void };

/**
 * One per app: a single LISTEN (one dedicated connection on a server) fans events out to the open
 * streams of this process. Listening starts with the first subscriber and stops when the app closes.
 */
export class RealtimeHub {
  private readonly listeners = new Set<Listener>();
  private unlisten: Promise<() => Promise<void>> | null = null;

  constructor(private readonly database: Database) {}

  async subscribe(filter: RealtimeFilter, cb: (event: RealtimeEvent) => void): Promise<() => void> {
    if (!this.unlisten) {
      this.unlisten = this.database.listen(REALTIME_CHANNEL, (payload) => this.dispatch(payload));
      this.unlisten.catch(() => {
        this.unlisten = null;
      });
    }
    await this.unlisten;
    const listener = { filter, cb };
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private dispatch(payload: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const event = realtimeEvent.safeParse(parsed);
    if (!event.success) return;
    for (const { filter, cb } of this.listeners) {
      if (filter.orgId !== event.data.orgId) continue;
      if (filter.customerId && filter.customerId !== event.data.customerId) continue;
      cb(event.data);
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const pending = this.unlisten;
    this.unlisten = null;
    if (pending) await (await pending.catch(() => async () => {}))();
  }
}

/** A document changed status (quote sent/viewed/accepted/declined/superseded, invoice viewed/paid). */
export function publishStatus(
  tx: Tx,
  e: Omit<Extract<RealtimeEvent, { kind: "document_status" }>, "kind">,
): Promise<void> {
  return publish(tx, { kind: "document_status", ...e });
}
