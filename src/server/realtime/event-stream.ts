import type { FastifyReply, FastifyRequest } from "fastify";
import type { RealtimeEvent, RealtimeFilter, RealtimeHub } from "./realtime.js";

/** Under the 30–60 s idle timeouts of common proxies; also when a stream re-checks its session. */
export const HEARTBEAT_MS = 25_000;
/** The browser's EventSource waits this long before reconnecting. */
const RETRY_MS = 5_000;

export interface LiveMessage {
  event: string;
  data: unknown;
}

export interface EventStreamOptions {
  hub: RealtimeHub;
  filter: RealtimeFilter;
  /** Re-checked on every heartbeat: the stream ends when the session or the access ends. */
  isLive: () => Promise<boolean>;
  /** What this reader may see of an event (re-read in its own scope), or null to send nothing. */
  toMessage: (event: RealtimeEvent) => Promise<LiveMessage | null>;
  heartbeatMs: number;
  /** Open streams of the app, ended when it closes (a server cannot close with streams open). */
  open: Set<() => void>;
}

/**
 * Server-sent events on the raw response (G4). Messages go out in the order events arrived; a failed
 * re-read drops that one message, never the stream.
 */
export async function openEventStream(req: FastifyRequest, reply: FastifyReply, o: EventStreamOptions) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-content-type-options": "nosniff",
  });
  let closed = false;
  let chain = Promise.resolve();
  const write = (text: string) => {
    if (!closed) res.write(text);
  };
  const send = (m: LiveMessage) => write(`event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`);

  let unsubscribe: () => void;
  try {
    unsubscribe = await o.hub.subscribe(o.filter, (event) => {
      chain = chain
        .then(async () => {
          if (closed) return;
          const message = await o.toMessage(event);
          if (message) send(message);
        })
        .catch((err) => req.log.warn({ err }, "live event dropped"));
    });
  } catch (err) {
    // The headers are out: ending the stream makes EventSource reconnect, instead of a silent open stream.
    req.log.warn({ err }, "live stream could not subscribe");
    closed = true;
    res.end();
    return;
  }
  const timer = setInterval(() => {
    chain = chain
      .then(async () => {
        if (closed) return;
        if (await o.isLive()) write(": heartbeat\n\n");
        else end();
      })
      .catch(() => end());
  }, o.heartbeatMs);
  timer.unref();

  function end() {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    unsubscribe();
    o.open.delete(end);
    res.end();
  }
  o.open.add(end);
  req.raw.on("close", end);
  res.on("error", end);
  write(`retry: ${RETRY_MS}\n\n`);
  // Tells the client the subscription is in place: anything committed from now on reaches it.
  send({ event: "ready", data: {} });
}
