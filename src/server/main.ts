import { type Config, ConfigError, loadConfig } from "./config.js";

/**
 * Reads config (and refuses a bad one before touching the database), opens and migrates the database,
 * seeds the demo on first start when the demo is on, then listens.
 */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const mode = process.env.NODE_ENV === "production" ? " in production" : "";
    console.error(`Portico refuses to start${mode}:`);
    for (const p of err.problems) console.error(`  ${p}`);
    process.exit(1);
  }
  // Loaded only once the configuration is accepted, so a refused start is quick and touches nothing.
  const { buildApp } = await import("./app.js");
  const { openDatabase } = await import("./db/client.js");
  const { migrateDatabase } = await import("./db/migrate.js");
  const { Mailer } = await import("./email/mailer.js");
  const { consoleJobLog, createJobRunner } = await import("./jobs/built-in-jobs.js");
  const { seedDemoIfEmpty } = await import("./seed.js");
  const { startBanner } = await import("./start-banner.js");
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const mailer = new Mailer(config, database.db);
  const seed = config.demo
    ? await seedDemoIfEmpty(database.db, config, mailer)
    : { seeded: false, portalLink: null };
  // The printed link is a live sign-in: only outside production, and only on the start that seeded the demo
  // (start-banner.ts); later starts mint none.
  const portalLink = config.demo && !config.isProduction && seed.seeded ? seed.portalLink : null;
  // Email delivery, imports and periodic tasks (decision 036): what a stopped process left queued or
  // running goes on, once its lease ends.
  const jobRunner = createJobRunner({ database, config, mailer, log: consoleJobLog });
  const app = await buildApp({ database, config, mailer, jobRunner, serveWeb: true, logger: true });
  await app.listen({ port: config.port, host: config.host });
  console.log(
    startBanner(config, {
      databaseKind: database.kind,
      seeded: seed.seeded,
      portalLink,
      mailMode: mailer.mode,
    }),
  );

  jobRunner.start(1000);

  const stop = async () => {
    // Take no new job, let the running one finish (at most 10 s) while the server closes.
    await Promise.all([jobRunner.stop(10_000), app.close()]);
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
