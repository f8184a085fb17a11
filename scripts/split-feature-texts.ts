// Splits a feature's texts written the old way, one `src/web/i18n/features/<name>.ts` holding both
// `<name>Es` and `<name>En`, into `<name>.es.ts` and `<name>.en.ts` (decision 033: a page downloads only
// its language's texts), and rewrites the imports of those names across src/ and e2e/.
// `npx tsx scripts/split-feature-texts.ts` — idempotent: files already split are left alone.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const features = join(root, "src/web/i18n/features");

interface Split {
  base: string;
  es: string;
  en: string;
}

/** Cuts one old-style file at `export const <x>En`; the comment before it, if any, goes with it. */
function split(base: string, source: string): { esFile: string; enFile: string; names: Split } | null {
  const esName = /export const (\w+Es)\b/.exec(source)?.[1];
  const enMatch = /export const (\w+En)\b/.exec(source);
  if (!esName || !enMatch?.[1]) return null;
  let cut = enMatch.index;
  // A doc comment just above the English export belongs to it.
  const before = source.slice(0, cut).trimEnd();
  if (before.endsWith("*/")) {
    const start = before.lastIndexOf("/**");
    if (start >= 0 && !/\S/.test(before.slice(before.lastIndexOf("\n", start) + 1, start))) cut = start;
  }
  const head = source.slice(0, cut).trimEnd();
  const tail = source.slice(cut).trim();
  const esFile = `${head.replace(/^import type \{ Messages \} from "\.\.\/types\.js";\n\n?/m, "")}\n`;
  const enFile =
    `import type { Messages } from "../types.js";\nimport type { ${esName} } from "./${base}.es.js";\n\n` +
    `${tail}\n`;
  return { esFile, enFile, names: { base, es: esName, en: enMatch[1] } };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

/** `import { aEs, aEn } from "…/features/a.js"` → one import from `a.es.js`, one from `a.en.js`. */
function rewriteImports(source: string, s: Split): string {
  const re = new RegExp(`import (type )?\\{([^}]*)\\} from "([^"]*/features/)${s.base}\\.js";`, "g");
  return source.replace(re, (_all, type: string | undefined, list: string, dir: string) => {
    const names = list
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    const lines: string[] = [];
    for (const [suffix, name] of [
      ["es", s.es],
      ["en", s.en],
    ] as const) {
      const mine = names.filter((n) => n.replace(/^type /, "") === name);
      if (mine.length)
        lines.push(`import ${type ?? ""}{ ${mine.join(", ")} } from "${dir}${s.base}.${suffix}.js";`);
    }
    return lines.join("\n");
  });
}

const done: Split[] = [];
for (const name of readdirSync(features)) {
  if (!name.endsWith(".ts") || /\.(es|en)\.ts$/.test(name) || name.endsWith(".test.ts")) continue;
  const base = name.slice(0, -3);
  const result = split(base, readFileSync(join(features, name), "utf8"));
  if (!result) {
    console.warn(`${name}: no export const …Es and …En, left as it is`);
    continue;
  }
  if (existsSync(join(features, `${base}.es.ts`))) throw new Error(`${base}.es.ts exists already`);
  writeFileSync(join(features, `${base}.es.ts`), result.esFile);
  writeFileSync(join(features, `${base}.en.ts`), result.enFile);
  rmSync(join(features, name));
  done.push(result.names);
}
if (done.length) {
  for (const file of [...walk(join(root, "src")), ...walk(join(root, "e2e"))]) {
    const before = readFileSync(file, "utf8");
    const after = done.reduce(rewriteImports, before);
    if (after !== before) writeFileSync(file, after);
  }
}
console.log(done.length ? `split: ${done.map((d) => d.base).join(", ")}` : "nothing to split");
