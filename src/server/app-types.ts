import type { FastifyInstance } from "fastify";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { Mailer } from "./email/mailer.js";
import type { JobRunner } from "./jobs/job-runner.js";

/**
 * What a module's routes receive, apart from `app.ts` (issue 11): the modules import these types, and
 * `app.ts` imports the modules, so the types living there tied every routes file into one import cycle.
 */
export interface AppDeps {
  database: Database;
  config: Config;
  mailer: Mailer;
  /**
   * The background job runner (decision 036): routes nudge it after committing work they enqueued.
   * buildApp makes one that never polls when none is given (tests run due jobs on demand); main.ts
   * gives one it starts polling.
   */
  jobRunner?: JobRunner;
  /** Serve the built web apps from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Fastify's logger at config.logLevel; `{ stream }` writes its JSON lines there (a test reads them). */
  logger?: boolean | { stream: { write(line: string): void } };
  /** Live streams' heartbeat and session re-check (G4); shorter in tests. */
  liveHeartbeatMs?: number;
}

export type App = FastifyInstance;
export type Deps = Omit<AppDeps, "serveWeb" | "logger" | "liveHeartbeatMs">;
