import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ConfigError, loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { AppError } from "../src/server/errors/errors.js";
import { createOrganisationByOperator } from "../src/server/modules/signup/org-create.service.js";

// npm run org:create -- --name "Acme" --owner-email ana@acme.test [--owner-name … --slug … --language es|en
//   --currency EUR --country ES --time-zone Europe/Madrid]: for operators, with or without SIGNUP=closed.
const usage =
  'usage: npm run org:create -- --name "Acme S.L." --owner-email ana@acme.test [--owner-name "Ana"] [--slug acme] [--language es|en] [--currency EUR] [--country ES] [--time-zone Europe/Madrid]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      "owner-email": { type: "string" },
      "owner-name": { type: "string" },
      slug: { type: "string" },
      language: { type: "string" },
      currency: { type: "string" },
      country: { type: "string" },
      "time-zone": { type: "string" },
    },
  });
  if (!values.name || !values["owner-email"]) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const created = await createOrganisationByOperator(
      { db: database.db, config },
      {
        organisationName: values.name,
        ownerEmail: values["owner-email"],
        ownerName: values["owner-name"],
        slug: values.slug,
        language: values.language as "es" | "en" | undefined,
        currency: values.currency,
        country: values.country,
        timeZone: values["time-zone"],
      },
    );
    console.log(`Organisation created: ${values.name} (portal ${config.publicUrl}/p/${created.slug})`);
    console.log(
      created.setPasswordLink
        ? `Send the owner this one-time link to set a password (valid 7 days, used once):\n  ${created.setPasswordLink}`
        : "The owner already has an account: they sign in and switch to the new organisation from the header.",
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) for (const p of err.problems) console.error(p);
    else if (err instanceof ZodError)
      for (const issue of err.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    else if (err instanceof AppError)
      console.error([err.message, ...err.fields.map((f) => `${f.field}: ${f.message}`)].join("\n"));
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
