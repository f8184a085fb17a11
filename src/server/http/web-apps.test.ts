import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { brotli, precompressDir } from "../../../scripts/precompress.js";
import { registerCompression } from "./compression.js";
import { registerWebApps } from "./web-apps.js";

// Decision 033: the built apps are sent as the brotli or gzip copies the build wrote, by Accept-Encoding.
const page = `<!doctype html><html><head><title>Portal</title></head><body>${"<p>portal</p>".repeat(200)}</body></html>`;
const script = `export const x = ${JSON.stringify("a".repeat(4000))};`;
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "portico-web-"));
  for (const sub of ["assets", "portal", "admin"]) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, "portal/index.html"), page);
  writeFileSync(join(dir, "admin/index.html"), page.replace("Portal", "Admin"));
  writeFileSync(join(dir, "assets/portal-abc123.js"), script);
  writeFileSync(join(dir, "assets/logo-abc123.png"), Buffer.alloc(2048, 7));
  writeFileSync(join(dir, "assets/shell-abc123.css"), `.a{color:red}${".b{margin:0}".repeat(200)}`);
  writeFileSync(join(dir, "assets/mark-abc123.svg"), `<svg xmlns="http://www.w3.org/2000/svg"></svg>`);
  precompressDir(dir);
  app = Fastify();
  await app.register(helmet);
  await registerCompression(app);
  registerWebApps(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hashed assets", () => {
  test("brotli when accepted: the build's copy, its type, Vary, cached a year", async () => {
    const res = await app.inject({
      url: "/assets/portal-abc123.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.rawPayload.equals(brotli(Buffer.from(script)))).toBe(true);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  test("gzip for a client without brotli, the plain file for one that accepts neither", async () => {
    const gz = await app.inject({ url: "/assets/portal-abc123.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: "/assets/portal-abc123.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  test("an image is sent as it is: no copies were made, nothing is compressed on the fly", async () => {
    const res = await app.inject({
      url: "/assets/logo-abc123.png",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.rawPayload.length).toBe(2048);
  });
});

// Every header costs each file of the first load its bytes on the wire: a script or stylesheet keeps those
// a subresource uses, and drops those only a document reads.
describe("headers of scripts and stylesheets", () => {
  test.each(["/assets/portal-abc123.js", "/assets/shell-abc123.css"])(
    "%s: no document-only header",
    async (url) => {
      for (const encoding of ["br", "gzip", "identity"]) {
        const res = await app.inject({ url, headers: { "accept-encoding": encoding } });
        expect(res.statusCode).toBe(200);
        expect(res.headers["content-security-policy"]).toBeUndefined();
        expect(res.headers["x-frame-options"]).toBeUndefined();
        expect(res.headers["cross-origin-opener-policy"]).toBeUndefined();
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
        expect(res.headers["strict-transport-security"]).toBeDefined();
        expect(res.headers["referrer-policy"]).toBeDefined();
        expect(res.headers.vary).toBe("Accept-Encoding");
      }
    },
  );

  test.each(["/assets/mark-abc123.svg", "/p/acme"])(
    "%s, a document when opened, keeps them all",
    async (url) => {
      const res = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    },
  );
});

describe("the apps' pages", () => {
  test.each(["/p/acme", "/p/acme/invoices/1", "/app", "/app/customers"])(
    "%s sends the precompressed index.html",
    async (url) => {
      const res = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBe("br");
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      const title = url.startsWith("/app") ? "Admin" : "Portal";
      expect(brotliDecompressSync(res.rawPayload).toString()).toContain(`<title>${title}</title>`);
    },
  );

  test("gzip, or the plain page, keep the same headers", async () => {
    const gz = await app.inject({ url: "/p/acme", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(page);
    const plain = await app.inject({ url: "/p/acme" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.body).toBe(page);
  });
});
