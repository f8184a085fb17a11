// The server compiled once into dist/server (decision 035), so `npm start` imports plain JavaScript
// instead of transpiling some 400 TypeScript files at each start. `npx tsx scripts/build-server.ts`, or
// scripts/start.mjs when dist/server is missing or older than its sources (the inputs it checks).
//
// One ESM bundle (plus a chunk per dynamic import) of src/server/main.ts; packages stay external and
// load from node_modules as before. Server files find things beside them with
// `new URL("./x", import.meta.url)` (migrations, the breached-password list, fonts, dist/web): in the
// bundle every `import.meta.url` is rewritten to its own source file's URL, computed from the bundle's
// place in the checkout, so those paths resolve exactly as they do from src.
import { join, relative, resolve } from "node:path";
import { build } from "vite";

const root = resolve(import.meta.dirname, "..");
const outDir = join(root, "dist/server");

await build({
  configFile: false,
  root,
  logLevel: "warn",
  plugins: [
    {
      name: "portico-source-import-meta-url",
      transform(code, id) {
        if (!id.startsWith(`${root}/src/`) || !code.includes("import.meta.url")) return null;
        const fromBundle = relative(outDir, id);
        return {
          code: code.replaceAll(
            "import.meta.url",
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          ),
          map: null,
        };
      },
    },
  ],
  ssr: { external: true },
  build: {
    ssr: join(root, "src/server/main.ts"),
    outDir,
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      output: { format: "esm", entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" },
    },
  },
});
