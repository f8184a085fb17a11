import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = resolve(import.meta.dirname, "src/web");
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

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), appRoutes()],
  build: {
    outDir: resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        admin: resolve(root, "admin/index.html"),
        portal: resolve(root, "portal/index.html"),
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: "vendor-react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "vendor-mantine", test: /node_modules[\\/]@mantine[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
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
