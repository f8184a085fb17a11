import type { FastifyInstance } from "fastify";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { Mailer } from "./email/mailer.js";

/**
 * What a module's routes receive, apart from `app.ts` (issue 11): the modules import these types, and
 * `app.ts` imports the modules, so the types living there tied every routes file into one import cycle.
 */
export interface AppDeps {
  database: Database;
  config: Config;
  mailer: Mailer;
  /**
   * Runs background jobs in this process (CSV imports, decision 029): a thin seam that issue 15 replaces
   * with the job queue. buildApp makes one when none is given (tests); main.ts gives one it resumes.
   */
  jobRunner?: JobRunner;
  /** Serve the built web apps from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Fastify's logger at config.logLevel; `{ stream }` writes its JSON lines there (a test reads them). */
  logger?: boolean | { stream: { write(line: string): void } };
  /** Live streams' heartbeat and session re-check (G4); shorter in tests. */
  liveHeartbeatMs?: number;
}

/** Something that runs a queued job of an organisation, later, once. */
export interface JobRunner {
  enqueue(job: { id: string; orgId: string }): void;
}

export type App = FastifyInstance;
export type Deps = Omit<AppDeps, "serveWeb" | "logger" | "liveHeartbeatMs">;
