import { fileURLToPath } from "node:url";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client.js";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies the committed SQL migrations (drizzle-kit output) as the connecting (owner) role. */
export async function migrateDatabase(database: Database): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrators are typed per driver; the Db is the same object.
  const db = database.db as any;
  if (database.kind === "pglite") await migratePglite(db, { migrationsFolder });
  else await migratePg(db, { migrationsFolder });
}
