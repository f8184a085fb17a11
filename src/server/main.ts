import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import { Mailer } from "./email/mailer.js";
import { DEMO, demoPortalLink, seedDemoIfEmpty } from "./seed.js";

/** Reads config, opens and migrates the database, seeds the demo on first start, then listens. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const mailer = new Mailer(config, database.db);
  const seed = await seedDemoIfEmpty(database.db, config, mailer);
  const portalLink = seed.portalLink ?? (await demoPortalLink(database.db, config));
  void mailer.deliverQueued();
  const app = await buildApp({ database, config, mailer, serveWeb: true, logger: true });
  await app.listen({ port: config.port, host: config.host });

  const where = database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  const lines = [
    "",
    `  Portico is running on ${where}${seed.seeded ? " (demo organisation created)" : ""}.`,
    `  Back office:  ${config.publicUrl}/app`,
    `  Demo login:   ${DEMO.email} / ${DEMO.password}`,
    portalLink ? `  Portal link:  ${portalLink}` : null,
    `  Portal login: ${config.publicUrl}/p/${DEMO.slug}/login  ${DEMO.contactEmail} / ${DEMO.contactPassword}`,
    `  API docs:     ${config.publicUrl}/api/docs`,
    `  Email:        ${mailer.mode === "smtp" ? "sent through SMTP_URL" : "kept in the back office outbox (set SMTP_URL to send)"}`,
    "",
  ].filter((l): l is string => l !== null);
  console.log(lines.join("\n"));

  const stop = async () => {
    await app.close();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
