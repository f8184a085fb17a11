import helmet from "@fastify/helmet";
import Fastify from "fastify";
import { describe, expect, test } from "vitest";
import { batchedLog } from "./log-stream.js";
import { HELMET_OPTIONS, registerSecurityHeaders, SECURITY_HEADERS } from "./security-headers.js";

describe("security headers (decision 062)", () => {
  test("are the headers @fastify/helmet sets with HELMET_OPTIONS, no more and no fewer", async () => {
    const withHelmet = Fastify();
    await withHelmet.register(helmet, HELMET_OPTIONS as Parameters<typeof helmet>[1]);
    withHelmet.get("/", async () => ({ ok: true }));
    const ours = Fastify();
    registerSecurityHeaders(ours);
    ours.get("/", async () => ({ ok: true }));
    const strip = (headers: Record<string, unknown>) => {
      const { date: _date, connection: _c, "content-length": _l, "content-type": _t, ...rest } = headers;
      return rest;
    };
    const expected = strip((await withHelmet.inject("/")).headers);
    expect(strip((await ours.inject("/")).headers)).toEqual(expected);
    expect(SECURITY_HEADERS).toEqual(expected);
  });

  test("a route may still replace one", async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    app.get("/", async (_req, reply) => reply.header("x-frame-options", "DENY").send({ ok: true }));
    expect((await app.inject("/")).headers["x-frame-options"]).toBe("DENY");
  });
});

describe("the batched log (decision 062)", () => {
  test("writes its lines in order, in one write once enough have gathered or on flush", () => {
    const writes: string[] = [];
    const log = batchedLog(
      { write: (text: string) => writes.push(text) },
      { maxBytes: 10, maxDelayMs: 60_000 },
    );
    log.write("aaaa\n");
    expect(writes).toEqual([]);
    log.write("bbbbbb\n");
    expect(writes).toEqual(["aaaa\nbbbbbb\n"]);
    log.write("c\n");
    log.flush();
    log.flush();
    expect(writes).toEqual(["aaaa\nbbbbbb\n", "c\n"]);
  });
});
