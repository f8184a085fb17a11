import { createHash } from "node:crypto";

/**
 * Names for parameterised statements, so that PostgreSQL parses and plans each one once per connection
 * instead of at every call (decision 041, amending 031: planning was most of the server's time on
 * the portal's reads, e.g. 1 ms to plan the balances of /home against 0.1 ms to run them). The name is
 * a digest of the text, so the same query gets the same name on every connection and a different text
 * can never reuse another's plan. Bounded: past `limit` distinct texts (a bug building queries from data
 * would otherwise fill the server's memory with plans), further texts stay unnamed and are planned at
 * each call, as before.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly limit = 1_000) {}

  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= this.limit) return known;
    const name = `p_${createHash("sha1").update(text).digest("base64url")}`;
    this.names.set(text, name);
    return name;
  }
}
