import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, test } from "vitest";
import { AppError, type FieldError } from "../errors/errors.js";
import { isCompressible, registerCompression } from "./compression.js";
import { registerErrorHandler } from "./error-handler.js";

// Decision 033: JSON answers above 1 KB are compressed by Accept-Encoding; small ones, already-compressed
// formats and event streams are not.
const rows = Array.from({ length: 100 }, (_, i) => ({ id: i, number: `F-2026-${i}`, totalMinor: i * 100 }));
const fields: FieldError[] = Array.from({ length: 40 }, (_, i) => ({
  field: `lines.${i}.quantity`,
  message: "Too small",
  code: "too_small",
}));
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  registerErrorHandler(app);
  await registerCompression(app);
  app.get("/big", async () => ({ rows }));
  app.get("/small", async () => ({ ok: true }));
  app.get("/pdf", async (_req, reply) => reply.type("application/pdf").send(Buffer.alloc(4096, 32)));
  app.get("/problem", async () => {
    throw new AppError("NOT_FOUND", fields);
  });
  await app.ready();
});
afterAll(() => app.close());

test("a JSON answer above 1 KB: brotli when accepted, else gzip, same body, Vary", async () => {
  const br = await app.inject({ url: "/big", headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.headers.vary).toMatch(/accept-encoding/i);
  expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual({ rows });
  const gz = await app.inject({ url: "/big", headers: { "accept-encoding": "gzip" } });
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual({ rows });
  const plain = await app.inject({ url: "/big" });
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.json()).toEqual({ rows });
});

test("a small answer and a PDF go as they are", async () => {
  const small = await app.inject({ url: "/small", headers: { "accept-encoding": "br" } });
  expect(small.headers["content-encoding"]).toBeUndefined();
  expect(small.json()).toEqual({ ok: true });
  const pdf = await app.inject({ url: "/pdf", headers: { "accept-encoding": "br" } });
  expect(pdf.headers["content-encoding"]).toBeUndefined();
  expect(pdf.rawPayload.length).toBe(4096);
});

test("a large problem+json keeps its type, status and members once decompressed", async () => {
  const res = await app.inject({ url: "/problem", headers: { "accept-encoding": "br" } });
  expect(res.statusCode).toBe(404);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.headers["content-encoding"]).toBe("br");
  const body = JSON.parse(brotliDecompressSync(res.rawPayload).toString());
  expect(body).toMatchObject({ status: 404, code: "NOT_FOUND", errors: fields });
});

test("what is compressible: text and JSON, never event streams, PDFs, zips or images", () => {
  for (const type of ["application/json; charset=utf-8", "application/problem+json", "text/csv", "text/html"])
    expect(isCompressible(type), type).toBe(true);
  for (const type of [
    "text/event-stream",
    "application/pdf",
    "application/zip",
    "image/png",
    "application/octet-stream",
  ])
    expect(isCompressible(type), type).toBe(false);
});
