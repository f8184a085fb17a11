import { type PGlite, parse, protocol, type QueryOptions, type Results } from "@electric-sql/pglite";
import { StatementNames } from "./statement-names.js";

type Serializer = (value: unknown) => string;
type Query = (text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<unknown>>;

/**
 * Named statements for PGlite (what `StatementNames` gives node-postgres): PGlite's `query` parses and
 * plans every statement at each call, in six calls into its WebAssembly (parse, describe, bind,
 * describe, execute, sync). Here a parameterised statement inside a transaction is parsed once under a
 * name and then runs as one call (bind, describe, execute, sync) on its cached plan: the portal's reads
 * spent most of their database time planning. Results are read by PGlite's own `parseResults` with the
 * same parsers and options, and values are written by its serializers for the types PostgreSQL
 * describes, so callers (drizzle) see exactly what `query` returns.
 *
 * Used only inside PGlite's `transaction`, which holds the connection for its callback; the query lock
 * is taken as PGlite's own `query` takes it. Statements without parameters (BEGIN, set_config with
 * literals), and texts past the name limit, go through `query` as before.
 */
export class PgliteStatements {
  private readonly names = new StatementNames();
  private readonly paramTypes = new Map<string, number[]>();

  constructor(private readonly pg: PGlite) {}

  /**
   * Called with every statement PGlite runs outside this class: `discard all` and `deallocate` drop the
   * session's prepared statements (the test harness resets a database with the first), so they are
   * parsed again at their next use.
   */
  noteStatement(text: string): void {
    if (DROPS_PREPARED.test(text)) this.paramTypes.clear();
  }

  query(
    fallback: Query,
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Results<unknown>> {
    const name = params && params.length > 0 ? this.names.nameOf(text) : undefined;
    if (name === undefined || options?.blob) return fallback(text, params, options);
    return this.pg.runExclusive(async () => {
      const types = this.paramTypes.get(name) ?? (await this.prepare(name, text));
      const serializers = this.pg.serializers as Record<number, Serializer>;
      const custom = options?.serializers as Record<number, Serializer> | undefined;
      const values = (params ?? []).map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = types[i] ?? 0;
        const write = custom?.[type] ?? serializers[type];
        return write ? write(value) : String(value);
      });
      const { messages } = await this.pg.execProtocol(
        join([
          protocol.serialize.bind({ statement: name, values }),
          protocol.serialize.describe({ type: "P" }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
        { syncToFs: false },
      );
      const [result] = parse.parseResults(messages, this.pg.parsers, options);
      if (!result) throw new Error("PGlite answered a statement with no result");
      return result;
    });
  }

  /** Parses the statement under its name and learns its parameters' types (once per text). */
  private async prepare(name: string, text: string): Promise<number[]> {
    const { messages } = await this.pg.execProtocol(
      join([
        protocol.serialize.parse({ name, text, types: [] }),
        protocol.serialize.describe({ type: "S", name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const types = parse.parseDescribeStatementResults(messages);
    this.paramTypes.set(name, types);
    return types;
  }
}

const DROPS_PREPARED = /^\s*(discard|deallocate)\b/i;

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
