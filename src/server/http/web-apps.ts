import type { ServerResponse } from "node:http";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** Adds `accept-encoding` to a response's Vary (which @fastify/static 8 leaves out). */
function varyOnEncoding(reply: {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}) {
  const vary = String(reply.getHeader("vary") ?? "");
  if (!/\baccept-encoding\b/i.test(vary))
    reply.header("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

/**
 * Headers helmet sets on every answer that only a document reads (what it may frame, run, open or prefetch).
 * A script or stylesheet ignores them (we start no workers), yet they cost each of the ~17 files of the
 * portal's first load about 530 bytes on the wire (decision 033). Kept: nosniff, Cross-Origin-Resource-Policy
 * and HSTS, which a subresource does use, and Referrer-Policy (a stylesheet's own fetches follow it).
 */
const DOCUMENT_ONLY_HEADERS = [
  "content-security-policy",
  "cross-origin-opener-policy",
  "origin-agent-cluster",
  "x-dns-prefetch-control",
  "x-download-options",
  "x-frame-options",
  "x-permitted-cross-domain-policies",
  "x-xss-protection",
];

/**
 * The two single-page apps: /app (back office) and /p/:slug (portal), and their hashed assets. The build
 * wrote brotli and gzip copies beside each file (vite.config.ts); `preCompressed` sends the one the browser
 * accepts, with its Content-Encoding, else the plain file (decision 033). Hashed assets never change
 * (cached a year, immutable); the pages are revalidated on every visit so a deploy shows at once.
 */
export function registerWebApps(app: FastifyInstance, webDir: string): void {
  app.register(fastifyStatic, {
    root: `${webDir}/assets`,
    prefix: "/assets/",
    preCompressed: true,
    immutable: true,
    maxAge: "365d",
    setHeaders: (res, path) => {
      res.setHeader("vary", "Accept-Encoding");
      // Scripts and stylesheets only: an SVG or a file opened on its own is a document. @fastify/static
      // passes reply.raw, where helmet set the headers (its type names only part of it).
      const raw = res as unknown as ServerResponse;
      if (/\.(js|css)(\.br|\.gz)?$/.test(path))
        for (const name of DOCUMENT_ONLY_HEADERS) raw.removeHeader(name);
    },
  });
  app.register(async (pages) => {
    await pages.register(fastifyStatic, {
      root: webDir,
      serve: false,
      preCompressed: true,
      cacheControl: false,
    });
    const html = (file: string) => async (_req: unknown, reply: FastifyReply) => {
      varyOnEncoding(reply);
      return reply.header("cache-control", "no-cache").sendFile(file);
    };
    pages.get("/", { schema: { hide: true } }, async (_req, reply) => reply.redirect("/app"));
    pages.get("/app", { schema: { hide: true } }, html("admin/index.html"));
    pages.get("/app/*", { schema: { hide: true } }, html("admin/index.html"));
    pages.get("/p/:slug", { schema: { hide: true } }, html("portal/index.html"));
    pages.get("/p/:slug/*", { schema: { hide: true } }, html("portal/index.html"));
  });
}
