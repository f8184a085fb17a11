import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { precompressDir } from "./scripts/precompress.js";

const root = resolve(import.meta.dirname, "src/web");
const outDir = resolve(import.meta.dirname, "dist/web");
const apiTarget = process.env.VITE_API_TARGET ?? "http://127.0.0.1:3000";

// In `vite dev`, serve each app's HTML at the paths the Fastify server uses in production.
function appRoutes(): Plugin {
  return {
    name: "portico-app-routes",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? "").split("?")[0] ?? "";
        if (path === "/app" || path.startsWith("/app/")) req.url = "/admin/index.html";
        else if (/^\/p\/[^/]+(\/(?!l\/).*)?$/.test(path)) req.url = "/portal/index.html";
        next();
      });
    },
  };
}

// After the build, brotli (quality 11) and gzip -9 copies beside every text asset, index.html included
// (decision 033): the server sends them as they are, at no CPU cost per request.
function precompress(): Plugin {
  return {
    name: "portico-precompress",
    apply: "build",
    closeBundle() {
      precompressDir(outDir);
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), appRoutes(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      input: {
        admin: resolve(root, "admin/index.html"),
        portal: resolve(root, "portal/index.html"),
      },
      output: {
        // React changes less often than the app: its own chunk stays cached across deploys. Everything else
        // is split by who loads it (decision 033): one group for all of node_modules made the portal load
        // the back office's libraries and the charts up front.
        codeSplitting: {
          groups: [
            {
              name: "vendor-react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
          ],
        },
        // A chunk of code two entries share is named after its first module (it was once
        // "sales-order-status-badge"); "shared" says what it is.
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry || chunk.name.startsWith("vendor-")
            ? "assets/[name]-[hash].js"
            : "assets/shared-[hash].js",
      },
    },
  },
  server: {
    proxy: {
      "/api": apiTarget,
      "^/p/[^/]+/l/": apiTarget,
    },
  },
});
