import { type Config, ConfigError, loadConfig } from "./config.js";

/**
 * Reads config (and refuses a bad one before touching the database), then starts one process or, with
 * WORKERS=N on PostgreSQL, a primary and N workers (cluster.ts, decision 056): the database is migrated and
 * the demo seeded once, before anything listens.
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
  const { startProcesses } = await import("./cluster.js");
  await startProcesses(config);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
