import type { FastifyInstance } from "fastify";
import type { Db } from "../db/client.js";
import { endRequestTransaction, runInRequestTransaction } from "../db/scope.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route keeps to transactions of its own instead of the request's shared one (decision 031): a
     * stream that outlives its handler and LISTENs (PGlite has one connection, which the shared
     * transaction would hold), or a GET that calls a payment provider (PayPal's return captures the order).
     */
    ownTransactions?: true;
  }
}

const READS = new Set(["GET", "HEAD"]);

/**
 * One transaction per read request (decision 031): a GET or HEAD's sign-in check and its handler share
 * one transaction, which ends just before the answer is written (onSend), so the next request of the
 * client sees what this one did: committed with a success, rolled back with an error. Writes keep their
 * own transactions: they call providers outside a transaction (gateways, online refunds) and catch
 * database errors, which would abort a shared one.
 */
export function registerRequestTransactions(app: FastifyInstance, db: Db): void {
  app.addHook("onRequest", (req, _reply, done) => {
    if (READS.has(req.method) && !req.routeOptions.config?.ownTransactions) runInRequestTransaction(db, done);
    else done();
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    await endRequestTransaction(reply.statusCode < 400);
    return payload;
  });
  // Whatever is still open when no answer is sent (the client went away).
  app.addHook("onResponse", () => endRequestTransaction(false));
  app.addHook("onRequestAbort", () => endRequestTransaction(false));
}
