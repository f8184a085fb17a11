// Child process of global-setup.ts (migrated-dump.ts): a PGlite cluster in memory, every migration, and its
// dump written to the file named by the first argument (under a temporary name, then renamed, so that a
// reader never sees half a file). On failure, the error goes to `<file>.failed` for the waiting workers.
//   node --import tsx src/server/test/make-migrated-dump.ts <file>
import { rename, writeFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

const file = process.argv[2];
if (!file) throw new Error("usage: make-migrated-dump.ts <file>");

try {
  const database = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await database.close();
  const part = `${file}.${process.pid}.part`;
  await writeFile(part, Buffer.from(await dump.arrayBuffer()));
  await rename(part, file);
} catch (error) {
  await writeFile(`${file}.failed`, error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
