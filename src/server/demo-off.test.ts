import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "./db/client.js";
import { organisations } from "./db/schema/index.js";
import { withSystem } from "./db/scope.js";
import { DEMO } from "./seed.js";

/** Issue 12: `PORTICO_DEMO=0` on an empty database starts the real server with no organisation at all. */
test("PORTICO_DEMO=0 on an empty database starts without the demo", async () => {
  const dir = mkdtempSync(join(tmpdir(), "portico-nodemo-"));
  const dataDir = join(dir, "data");
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn("node_modules/.bin/tsx", ["src/server/main.ts"], {
    env: { PATH: process.env.PATH ?? "", PORTICO_DEMO: "0", DATA_DIR: dataDir, PORT: String(port) },
  });
  try {
    const banner = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${out}`)), 60_000);
      server.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("API docs:")) {
          clearTimeout(timer);
          resolve(out);
        }
      });
      server.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    expect(banner).not.toContain("demo organisation created");
    expect(banner).not.toContain(DEMO.password);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO.email, password: DEMO.password }),
    });
    expect(login.status).toBe(401);
    const slug = await fetch(`http://127.0.0.1:${port}/api/signup/slug?slug=${DEMO.slug}`);
    expect(await slug.json()).toEqual({ available: true, reason: null });
  } finally {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  try {
    const database = await openDatabase({ dataDir });
    const rows = await withSystem(database.db, (tx) =>
      tx.select({ id: organisations.id }).from(organisations),
    );
    await database.close();
    expect(rows).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
