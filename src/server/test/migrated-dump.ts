import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, watch } from "node:fs";
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The migrated PGlite cluster every test file starts from (decisions 030, 035, 061), made once per run
 * by global-setup.ts, which Vitest runs before it starts any worker. Making it (PGlite's initdb, every
 * migration, the dump) costs about 6 s of one core; so global-setup.ts only starts it, in a child process
 * (`make-migrated-dump.ts`), and returns at once: the workers start and import the server meanwhile,
 * then wait for the file before their first test file (setup-file.ts, outside any test's timeout).
 *
 * The dump is also kept under `node_modules/.cache/portico-test/`, named by a hash of everything that
 * decides its contents (the migrations, the migrator, the database client, PGlite's version): a run
 * whose migrations are unchanged (the next local run, `npm run test:faketime` after `npm test` in CI)
 * takes it as it is. A fresh clone has none (`npm ci` empties node_modules), and makes it.
 */

const root = fileURLToPath(new URL("../../../", import.meta.url));
const cacheDir = join(root, "node_modules", ".cache", "portico-test");

/** Files whose contents decide the dump: change one and the cached dump is not used. */
async function keyOfInputs(): Promise<string> {
  const hash = createHash("sha256");
  const migrations = join(root, "src/server/db/migrations");
  const files = [
    ...(await readdir(migrations, { recursive: true })).map((f) => join(migrations, String(f))),
    join(root, "src/server/db/migrate.ts"),
    join(root, "src/server/db/client.ts"),
    join(root, "src/server/test/make-migrated-dump.ts"),
    join(root, "node_modules/@electric-sql/pglite/package.json"),
  ].sort();
  for (const file of files) {
    if (!file.endsWith(".sql") && !file.endsWith(".json") && !file.endsWith(".ts")) continue;
    hash
      .update(file.slice(root.length))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

export interface DumpInProgress {
  /** Where the dump is, or will be once the child has written it. */
  file: string;
  /** Resolves when the child has exited (at once when the cached dump was taken). */
  done: Promise<void>;
}

/** The cached dump when the inputs are unchanged, else a child process started to make it. */
export async function startMigratedDump(): Promise<DumpInProgress> {
  const file = join(cacheDir, `pglite-${await keyOfInputs()}.tar`);
  if (existsSync(file)) return { file, done: Promise.resolve() };
  await mkdir(cacheDir, { recursive: true });
  await rm(failedMarker(file), { force: true });
  // Dumps of other migrations: the four newest are kept (worktrees share one node_modules and may still
  // use theirs), older ones removed. By modification order, not age: under faketime the clock is years off.
  const others = (await readdir(cacheDir)).filter(
    (f) => /^pglite-[0-9a-f]+\.tar$/.test(f) && f !== basename(file),
  );
  const byAge = await Promise.all(
    others.map(async (f) => ({ f, at: (await stat(join(cacheDir, f))).mtimeMs })),
  );
  for (const { f } of byAge.sort((a, b) => b.at - a.at).slice(4))
    await rm(join(cacheDir, f), { force: true });
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./make-migrated-dump.ts", import.meta.url)), file],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
  const done = new Promise<void>((resolve) => {
    child.on("exit", () => resolve());
    child.on("error", () => resolve());
  });
  return { file, done };
}

/** Marks a failed attempt, so that the workers waiting for the dump fail at once rather than time out. */
export const failedMarker = (file: string) => `${file}.failed`;

/**
 * Waits until the dump `file` exists (written under another name and renamed: it is whole once it is
 * there), or the child that makes it has failed. Woken by a watch on the folder, and every 200 ms in
 * case a file-system event is missed.
 */
export async function waitForDump(file: string, timeoutMs = 300_000): Promise<void> {
  const started = performance.now();
  for (;;) {
    if (existsSync(file)) return;
    if (existsSync(failedMarker(file))) {
      throw new Error(
        `making the migrated test database failed: ${await readFile(failedMarker(file), "utf8")}`,
      );
    }
    if (performance.now() - started > timeoutMs)
      throw new Error(`no migrated test database at ${file} after ${timeoutMs} ms`);
    await new Promise<void>((resolve) => {
      const watcher = watch(dirname(file), () => finish());
      const timer = setTimeout(() => finish(), 200);
      function finish() {
        clearTimeout(timer);
        watcher.close();
        resolve();
      }
    });
  }
}
