import { AsyncLocalStorage } from "node:async_hooks";
import { sql, TransactionRollbackError } from "drizzle-orm";
import { type Db, LOCAL_SETTINGS, type Tx } from "./client.js";

/**
 * Every query of the product runs inside one of these. Each sets the tenant with SET LOCAL (so it ends
 * with the transaction) and drops to the non-owner role portico_app, under which FORCE row-level
 * security applies: a query that forgets a WHERE org_id still sees only its tenant, and a transaction
 * that sets no scope sees nothing.
 */
async function enter(tx: Tx, { kind, orgId, customerId }: Scope) {
  // set_config('role', …, true) is SET LOCAL ROLE: one statement for the whole scope. Its values are
  // literals (checked here: one of three words, a UUID or nothing), so it has no parameters and, marked
  // LOCAL_SETTINGS, goes out on PostgreSQL in one write with BEGIN and the next statement (decision 064).
  if (!SCOPE_KINDS.has(kind)) throw new TypeError(`unknown scope ${kind}`);
  if (orgId !== "") assertUuid(orgId, "orgId");
  if (customerId !== "") assertUuid(customerId, "customerId");
  await tx.execute(
    sql.raw(
      `${LOCAL_SETTINGS}select set_config('app.scope', '${kind}', true), set_config('app.org_id', '${orgId}', true), ` +
        `set_config('app.customer_id', '${customerId}', true), set_config('role', 'portico_app', true)`,
    ),
  );
}

const SCOPE_KINDS = new Set<string>(["staff", "contact", "system"]);

export interface Scope {
  kind: "staff" | "contact" | "system";
  orgId: string;
  customerId: string;
}

const sameScope = (a: Scope | undefined, b: Scope) =>
  a !== undefined && a.kind === b.kind && a.orgId === b.orgId && a.customerId === b.customerId;

/**
 * One transaction for a whole read request (decision 031): its sign-in check and its handler share it
 * instead of opening one each. It opens at the request's first scoped call and ends with the request
 * (`endRequestTransaction`); a call in another scope switches the scope for its duration and back. Once
 * ended, later calls of the same async context (a streamed PDF's batches) open their own as usual.
 */
class RequestTransaction {
  private opened: Promise<Tx> | undefined;
  private settle: ((commit: boolean) => void) | undefined;
  private closed: Promise<unknown> | undefined;
  private current: Scope | undefined;
  /** The request's top-level calls take turns (see run). */
  private readonly roots = new TurnLock();
  /** Calls in progress, and a promise settled when there are none. */
  private active = 0;
  private idle: Promise<void> = Promise.resolve();
  private becameIdle: (() => void) | undefined;
  ended = false;
  /** Rows the request already loaded (its organisation), by key; see loadOncePerRequest. */
  readonly loaded = new Map<string, Promise<unknown>>();
  tx: Tx | undefined;

  constructor(readonly db: Db) {}

  private open(): Promise<Tx> {
    this.opened ??= new Promise<Tx>((resolveTx, rejectTx) => {
      this.closed = this.db
        .transaction(async (tx) => {
          const commit = new Promise<boolean>((resolve) => {
            this.settle = resolve;
          });
          this.tx = tx;
          resolveTx(tx);
          if (!(await commit)) tx.rollback();
        })
        .catch((err) => {
          rejectTx(err);
          // tx.rollback() throws to end the transaction; that is the rollback asked for, not a failure.
          if (!isRollback(err)) throw err;
        });
    });
    return this.opened;
  }

  /**
   * `fn` in `scope`. Calls at one level never overlap: the request's top-level calls take turns on
   * `roots`, and the calls made inside one call's `fn` (nested, e.g. a Promise.all there) take turns on
   * that call's own lock. So a scope switch never happens while a sibling's queries are queued, and a
   * nested call switches the scope for its duration and puts its caller's back. The scope in effect is
   * noted BEFORE the statement that sets it is sent: nothing may read a stale one while it is on its way
   * (the review of decision 031 found a concurrent call in the old scope slipping in during that await).
   */
  async run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = await this.open();
    const parent = insideRun.getStore();
    const caller = parent?.rt === this ? parent : undefined;
    const release = await (caller ? caller.children : this.roots).acquire();
    if (this.active++ === 0) this.idle = new Promise((resolve) => (this.becameIdle = resolve));
    const outer = this.current;
    try {
      if (!sameScope(outer, scope)) {
        this.current = scope;
        await enter(tx, scope);
      }
      const frame: Frame = { rt: this, children: new TurnLock() };
      return await insideRun.run(frame, () => fn(tx));
    } finally {
      try {
        if (caller && outer && !sameScope(outer, this.current as Scope) && !this.ended) {
          this.current = outer;
          await enter(tx, outer);
        }
      } finally {
        release();
        if (--this.active === 0) this.becameIdle?.();
      }
    }
  }

  /** Runs a statement that sets the scope itself and notes the scope it reports (null: none set). */
  async resolve<T>(fn: (tx: Tx) => Promise<{ value: T; scope: Scope | null }>): Promise<T> {
    const tx = await this.open();
    const release = await this.roots.acquire();
    try {
      // Unknown until the statement answers: no call may assume any scope meanwhile.
      this.current = undefined;
      const { value, scope } = await fn(tx);
      this.current = scope ?? undefined;
      return value;
    } finally {
      release();
    }
  }

  /** Commits (or rolls back) what the request did, if it opened the transaction at all. */
  async end(commit: boolean): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (!this.opened) return;
    await this.opened.catch(() => undefined);
    // A call still running (a stream's first read) finishes first: nothing may use the connection after.
    while (this.active > 0) await this.idle;
    this.settle?.(commit);
    await this.closed;
  }
}

const isRollback = (err: unknown) => err instanceof TransactionRollbackError;

/** Holders take turns, first come first served. */
class TurnLock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }
}

interface Frame {
  rt: RequestTransaction;
  /** The calls made inside this call's `fn` take turns on it. */
  children: TurnLock;
}

const requestTransactions = new AsyncLocalStorage<RequestTransaction>();
/** Set inside a call's `fn`, so a call made there is known as nested in it. */
const insideRun = new AsyncLocalStorage<Frame>();

/**
 * `fn` outside the current request's shared transaction: work a request starts and does not wait for
 * (email delivery after a commit) must read what is committed, in transactions of its own.
 */
export function detachedFromRequest<T>(fn: () => T): T {
  return requestTransactions.exit(() => insideRun.exit(fn));
}

/** Runs `next` (the rest of a request's life) with one shared transaction on `db`; see RequestTransaction. */
export function runInRequestTransaction(db: Db, next: () => void): void {
  requestTransactions.run(new RequestTransaction(db), next);
}

/** Ends the shared transaction of the current request, committing it or not; nothing if there is none. */
export function endRequestTransaction(commit: boolean): Promise<void> {
  return requestTransactions.getStore()?.end(commit) ?? Promise.resolve();
}

function inScope<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const shared = requestTransactions.getStore();
  if (shared && shared.db === db && !shared.ended) return shared.run(scope, fn);
  return db.transaction(async (tx) => {
    await enter(tx, scope);
    return fn(tx);
  });
}

export function assertUuid(value: string, what: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new TypeError(`${what} must be a UUID`);
  }
}

/**
 * A request's sign-in check: `resolve` sends one statement that finds the principal and sets its scope
 * in SQL (the SECURITY DEFINER functions of migration 0021) and says which scope it set, so the request's
 * handler, in that scope, goes on in the same transaction without a statement of its own.
 */
export function withResolvedScope<T>(
  db: Db,
  resolve: (tx: Tx) => Promise<{ value: T; scope: Scope | null }>,
): Promise<T> {
  const shared = requestTransactions.getStore();
  if (shared && shared.db === db && !shared.ended) return shared.resolve(resolve);
  return db.transaction(async (tx) => (await resolve(tx)).value);
}

/**
 * `load()` once per read request (decision 031): inside the request's shared transaction a second call
 * with the same key gets the first one's row; anywhere else, it loads. Only for rows no read request
 * changes (its organisation, loaded by its sign-in check and again by the handler).
 */
export function loadOncePerRequest<T>(tx: Tx, key: string, load: () => Promise<T>): Promise<T> {
  const shared = requestTransactions.getStore();
  if (!shared || shared.ended || shared.tx !== tx) return load();
  let found = shared.loaded.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    shared.loaded.set(key, found);
    found.catch(() => shared.loaded.delete(key));
  }
  return found;
}

/** Notes a row the request's sign-in check loaded, for its `loadOncePerRequest(tx, key, …)`. */
export function rememberForRequest(tx: Tx, key: string, row: unknown): void {
  const shared = requestTransactions.getStore();
  if (shared && !shared.ended && shared.tx === tx) shared.loaded.set(key, Promise.resolve(row));
}

/** Staff work on one organisation. */
export function withOrg<T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertUuid(orgId, "orgId");
  return inScope(db, { kind: "staff", orgId, customerId: "" }, fn);
}

/** A contact in the portal: one organisation and one of its customers. */
export function withContact<T>(
  db: Db,
  orgId: string,
  customerId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  assertUuid(orgId, "orgId");
  assertUuid(customerId, "customerId");
  return inScope(db, { kind: "contact", orgId, customerId }, fn);
}

/**
 * Before a tenant is known: sign-in, token look-ups, resolving a portal slug, creating an organisation.
 * The policies let this scope reach only those tables (see migration 0001).
 */
export function withSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { kind: "system", orgId: "", customerId: "" }, fn);
}
