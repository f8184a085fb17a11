import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";

/** The icons' one source: Vite copies this folder into dist/web; the server answers from it directly. */
const publicDir = new URL("../../web/public/", import.meta.url);

const ICONS = [
  { url: "/favicon.ico", file: "favicon.ico", type: "image/x-icon" },
  { url: "/favicon.svg", file: "favicon.svg", type: "image/svg+xml; charset=utf-8" },
] as const;

/**
 * `/favicon.ico` (what browsers ask for on their own) and `/favicon.svg` (what both apps' pages link to),
 * answered whether or not the web apps are built: a browser asks for them on every page, the API docs too.
 */
export function registerFavicon(app: FastifyInstance): void {
  for (const icon of ICONS) {
    const body = readFileSync(new URL(icon.file, publicDir));
    app.get(icon.url, { schema: { hide: true } }, async (_req, reply) =>
      reply.type(icon.type).header("cache-control", "public, max-age=86400").send(body),
    );
  }
}
