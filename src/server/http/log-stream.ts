/**
 * The production log's destination (decision 062): pino's JSON lines to stdout, gathered and written in
 * batches instead of one write per line. Fastify logs two lines per request and each `write` is a system
 * call, which on this project's machines cost as much CPU as a whole database statement's round trip:
 * 4 % of a portal read's CPU went to the two. Lines are flushed when 16 KiB have gathered, 100 ms after
 * the first line of a batch at the latest, and synchronously when the process exits (also after an
 * uncaught exception); a process killed with SIGKILL loses at most the last 100 ms of lines.
 */
export interface BatchedLog {
  write(line: string): void;
  flush(): void;
}

export function batchedLog(
  out: { write(text: string): unknown } = process.stdout,
  { maxBytes = 16_384, maxDelayMs = 100 } = {},
): BatchedLog {
  let lines: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (lines.length === 0) return;
    const text = lines.join("");
    lines = [];
    bytes = 0;
    // stdout is synchronous for files and pipes on Linux (and a TTY): written by the time this returns.
    out.write(text);
  };
  process.on("exit", flush);
  return {
    write(line) {
      lines.push(line);
      bytes += line.length;
      if (bytes >= maxBytes) flush();
      else timer ??= setTimeout(flush, maxDelayMs).unref();
    },
    flush,
  };
}
