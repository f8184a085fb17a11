import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type App, buildApp } from "../../app.js";
import { buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { bearer, buildApiKey } from "./test-support.js";

/** The live stream (G4) over a real socket (app.inject cannot stream), opened with an API key. */
let ctx: TestContext;
let org: TestOrg;
let base: string;
let live: App;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Streamed");
  // Heartbeats every 100 ms, when the stream checks its credential is still live.
  live = await buildApp({
    database: ctx.database,
    config: ctx.config,
    mailer: ctx.mailer,
    liveHeartbeatMs: 100,
  });
  await live.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(live.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await live.close();
  await ctx.close();
});

/** Opens /api/events; resolves once the stream is open, with a promise of its end. */
function openStream(headers: Record<string, string>): Promise<{ ended: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${base}/api/events`,
      { headers: { accept: "text/event-stream", ...headers } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
        const ended = new Promise<void>((done) => {
          res.on("close", () => done());
          res.on("end", () => done());
        });
        res.once("data", () => resolve({ ended, close: () => req.destroy() }));
      },
    );
    req.on("error", reject);
  });
}

test("a key's stream stays open while the key lives, and ends on the next heartbeat once it is revoked", async () => {
  const key = await buildApiKey(ctx, org, { scope: "read" });
  const stream = await openStream(bearer(key));
  const outcome = await Promise.race([
    stream.ended.then(() => "ended"),
    new Promise((r) => setTimeout(() => r("open"), 500)),
  ]);
  expect(outcome).toBe("open");
  const revoked = await ctx.app.inject({
    method: "POST",
    url: `/api/api-keys/${key.id}/revoke`,
    headers: { cookie: org.cookie },
  });
  expect(revoked.statusCode).toBe(200);
  await stream.ended;
});

test("a revoked or unknown key opens no stream", async () => {
  await expect(openStream({ authorization: `Bearer pk_live_${"0".repeat(43)}` })).rejects.toThrow(/401/);
});
