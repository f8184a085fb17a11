import cluster, { type Worker } from "node:cluster";
import { performance } from "node:perf_hooks";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { Mailer } from "./email/mailer.js";

/**
 * One process or several (decision 056). WORKERS=1, the default: this process migrates, seeds the demo and
 * serves, as always. WORKERS=N (PostgreSQL only, config.ts refuses it on PGlite): this process is the
 * primary of node:cluster; it migrates and seeds ONCE, then forks N workers that each open the database,
 * build the app and listen on the same port (the primary hands out the connections), re-forks a worker that
 * dies, and passes SIGTERM/SIGINT on to them.
 */
export async function startProcesses(config: Config): Promise<void> {
  if (cluster.isWorker) return serve(config, null);
  if (config.workers > 1) return supervise(config);
  return serve(config, await prepare(config));
}

/** How long a stopping process lets in-flight requests and the running job finish before it closes anyway. */
export const STOP_MS = 10_000;

interface Prepared {
  database: Database;
  mailer: Mailer;
  seeded: boolean;
  portalLink: string | null;
}

/** Opens and migrates the database and seeds the demo on first start when the demo is on. */
async function prepare(config: Config): Promise<Prepared> {
  const { openDatabase } = await import("./db/client.js");
  const { migrateDatabase } = await import("./db/migrate.js");
  const { Mailer } = await import("./email/mailer.js");
  const { seedDemoIfEmpty } = await import("./seed.js");
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const mailer = new Mailer(config, database.db);
  const seed = config.demo
    ? await seedDemoIfEmpty(database.db, config, mailer)
    : { seeded: false, portalLink: null };
  // The printed link is a live sign-in: only outside production, and only on the start that seeded the demo
  // (start-banner.ts); later starts mint none.
  const portalLink = config.demo && !config.isProduction && seed.seeded ? seed.portalLink : null;
  return { database, mailer, seeded: seed.seeded, portalLink };
}

async function banner(config: Config, p: Prepared): Promise<string> {
  const { startBanner } = await import("./start-banner.js");
  const text = startBanner(config, {
    databaseKind: p.database.kind,
    seeded: p.seeded,
    portalLink: p.portalLink,
    mailMode: p.mailer.mode,
  });
  // One line more before the banner's closing blank line.
  return config.workers > 1 ? text.replace(/\n$/, `\n  Processes:    ${config.workers} (WORKERS)\n`) : text;
}

/**
 * Serves on the port: one process (with what `prepare` opened) or a cluster worker (opens the database, no
 * migration). Every process runs the job runner: its claims skip what another process holds (decision 036).
 */
async function serve(config: Config, prepared: Prepared | null): Promise<void> {
  const { buildApp } = await import("./app.js");
  const { openDatabase } = await import("./db/client.js");
  const { Mailer } = await import("./email/mailer.js");
  const { consoleJobLog, createJobRunner } = await import("./jobs/built-in-jobs.js");
  const database =
    prepared?.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const mailer = prepared?.mailer ?? new Mailer(config, database.db);
  // Email delivery, imports and periodic tasks (decision 036): what a stopped process left queued or
  // running goes on, once its lease ends.
  const jobRunner = createJobRunner({ database, config, mailer, log: consoleJobLog });
  const app = await buildApp({ database, config, mailer, jobRunner, serveWeb: true, logger: true });
  await app.listen({ port: config.port, host: config.host });
  if (prepared) console.log(await banner(config, prepared));
  jobRunner.start(1000);

  let stopping = false;
  const stop = async (why: string) => {
    // A second signal (Ctrl-C reaches the workers and the primary forwards it too) changes nothing.
    if (stopping) return;
    stopping = true;
    // Bounded: a stuck request or job cannot hold a deploy forever.
    const deadline = setTimeout(() => {
      console.error(`Portico process ${process.pid}: not stopped ${STOP_MS / 1000} s after ${why}; closing`);
      app.server.closeAllConnections();
      process.exit(1);
    }, STOP_MS + 1000);
    // Stop listening (new connections go to the other processes), answer in-flight requests, end the live
    // streams (preClose in events.routes.ts: browsers reconnect, to another process), take no new job and
    // let the running one finish, then close the database.
    // The server closes once every connection has: one kept alive (a browser's, a proxy's) is closed as
    // soon as it is idle, i.e. once its request in flight has been answered.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    await Promise.all([jobRunner.stop(STOP_MS), app.close()]);
    clearInterval(sweep);
    mailer.close();
    await database.close();
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // The primary went away (killed): stop too rather than serve unsupervised.
  if (cluster.isWorker) process.on("disconnect", () => void stop("the primary went away"));
}

/** A worker that lived this long had been serving: its death is not a crash loop, it is re-forked at once. */
const HEALTHY_MS = 30_000;
/** The longest wait before re-forking a worker that keeps dying at start. */
const MAX_BACKOFF_MS = 30_000;

/** The re-fork delay after `streak` short-lived deaths in a row: 0, then 1 s, 2 s, 4 s … up to 30 s. */
export function refork(streak: number): number {
  return streak === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (streak - 1));
}

/** The primary: prepares the database once, forks the workers, keeps them at N, stops them on a signal. */
async function supervise(config: Config): Promise<void> {
  const prepared = await prepare(config);
  const text = await banner(config, prepared);
  prepared.mailer.close();
  await prepared.database.close();

  const started = new Map<Worker, number>();
  let streak = 0;
  let stopping = false;
  const timers = new Set<NodeJS.Timeout>();
  const fork = () => started.set(cluster.fork(), performance.now());

  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === config.workers) console.log(text);
  });
  cluster.on("exit", (worker, code, signal) => {
    const lived = performance.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    streak = lived >= HEALTHY_MS ? 0 : streak + 1;
    const wait = refork(streak);
    console.error(
      `Portico worker ${worker.process.pid} exited (${signal ?? `code ${code}`}) after ${Math.round(lived / 1000)} s; ` +
        `starting another${wait > 0 ? ` in ${wait / 1000} s` : ""}`,
    );
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) fork();
    }, wait);
    timers.add(timer);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const t of timers) clearTimeout(t);
    if (started.size === 0) process.exit(0);
    for (const worker of started.keys()) worker.process.kill(signal === "SIGINT" ? "SIGTERM" : signal);
    // Each worker bounds its own stop (STOP_MS); one that does not exit by then is killed.
    setTimeout(() => {
      for (const worker of started.keys()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, STOP_MS + 5000);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  for (let n = 0; n < config.workers; n++) fork();
}
