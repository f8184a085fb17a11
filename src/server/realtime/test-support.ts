import http from "node:http";

export interface LiveEvent {
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON freely.
  data: any;
}

export interface TestStream {
  events: LiveEvent[];
  /** Resolves with the first event (from the start) matching, or rejects after `ms`. */
  next(match: (e: LiveEvent) => boolean, ms?: number): Promise<LiveEvent>;
  ended: Promise<void>;
  close(): void;
}

/** A minimal EventSource over a real socket (app.inject cannot stream); resolves once `ready` arrives. */
export function openStream(base: string, path: string, cookie: string): Promise<TestStream> {
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = [];
    const waiters = new Set<() => void>();
    let endResolve: () => void = () => {};
    const ended = new Promise<void>((r) => {
      endResolve = r;
    });
    const req = http.get(`${base}${path}`, { headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => reject(new Error(`stream ${path}: ${res.statusCode} ${body}`)));
        return;
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf("\n\n");
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event || data === undefined) continue;
          events.push({ event, data: JSON.parse(data) });
          for (const w of waiters) w();
          if (event === "ready") resolve(stream);
        }
      });
      res.on("end", () => endResolve());
      res.on("close", () => endResolve());
    });
    req.on("error", reject);
    const stream: TestStream = {
      events,
      ended,
      close: () => req.destroy(),
      next: (match, ms = 5000) =>
        new Promise((ok, fail) => {
          const check = () => {
            const found = events.find(match);
            if (!found) return false;
            waiters.delete(check as () => void);
            clearTimeout(timer);
            ok(found);
            return true;
          };
          const timer = setTimeout(() => {
            waiters.delete(check as () => void);
            fail(new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events)}`));
          }, ms);
          if (!check()) waiters.add(check as () => void);
        }),
    };
  });
}
