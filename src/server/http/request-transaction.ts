import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { Db } from "../db/client.js";
import { endRequestTransaction, runInRequestTransaction } from "../db/scope.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route keeps to transactions of its own instead of the request's shared one (decision 031): a
     * stream that outlives its handler and LISTENs (PGlite has one connection, which the shared
     * transaction would hold).
     */
    ownTransactions?: true;
  }
}

const READS = new Set(["GET", "HEAD"]);

/**
 * One transaction per read request (decision 031): a GET or HEAD's sign-in check and its handler share
 * one transaction, committed when the handler's answer is ready (rolled back when it throws, and at the
 * latest when the response ends). Writes keep their own transactions: they call providers outside a
 * transaction (gateways, online refunds) and catch database errors, which would abort a shared one.
 */
export function registerRequestTransactions(app: FastifyInstance, db: Db): void {
  app.addHook("onRequest", (req, _reply, done) => {
    if (READS.has(req.method) && !req.routeOptions.config?.ownTransactions) runInRequestTransaction(db, done);
    else done();
  });
  app.addHook("onRoute", (route) => {
    route.handler = endingTransaction(route.handler);
  });
  // Validation errors, hooks that threw, handlers that answered through the reply: whatever is still open
  // ends with the response, kept if it was a success.
  app.addHook("onResponse", (_req, reply) => endRequestTransaction(reply.statusCode < 400));
  app.addHook("onRequestAbort", () => endRequestTransaction(false));
}

/** The handler, then the end of the request's transaction: committed with its answer, or rolled back. */
function endingTransaction(handler: RouteOptions["handler"]): RouteOptions["handler"] {
  return function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
    const out: unknown = handler.call(this, req, reply);
    if (!(out instanceof Promise)) return out;
    return out.then(
      async (answer) => {
        await endRequestTransaction(true);
        return answer;
      },
      async (err) => {
        await endRequestTransaction(false).catch(() => undefined);
        throw err;
      },
    );
  };
}
