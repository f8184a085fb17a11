// Baseline A of bench/http.ts (issue 14), not a benchmark of its own: a bare Fastify + pg server whose one
// route does by hand what Portico's scope transaction does (db/scope.ts) around one read, in 5 statements:
// begin; select set_config(…) ×3 in one statement; set local role portico_app; select the contact's row;
// commit. Same database, same pool size (10) as Portico; no logger, no plugins. http.ts spawns it with
// BASELINE_DATABASE_URL, BASELINE_PORT, BASELINE_ORG_ID, BASELINE_CUSTOMER_ID and BASELINE_CONTACT_ID.
import Fastify from "fastify";
import pg from "pg";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const orgId = env("BASELINE_ORG_ID");
const customerId = env("BASELINE_CUSTOMER_ID");
const contactId = env("BASELINE_CONTACT_ID");
const pool = new pg.Pool({ connectionString: env("BASELINE_DATABASE_URL"), max: 10 });

const app = Fastify();
app.get("/contact", async () => {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query(
      "select set_config('app.scope', $1, true), set_config('app.org_id', $2, true), set_config('app.customer_id', $3, true)",
      ["contact", orgId, customerId],
    );
    await client.query("set local role portico_app");
    const { rows } = await client.query("select * from contacts where id = $1", [contactId]);
    await client.query("commit");
    if (rows.length !== 1) throw new Error("the contact's row is not visible in its own scope");
    return rows[0];
  } catch (err) {
    await client.query("rollback");
    throw err;
  } finally {
    client.release();
  }
});

await app.listen({ port: Number(env("BASELINE_PORT")), host: "127.0.0.1" });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
