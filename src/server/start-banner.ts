import type { Config } from "./config.js";
import { DEMO } from "./seed.js";

export interface BannerFacts {
  databaseKind: "pglite" | "postgres";
  /** The demo organisation was created at this start. */
  seeded: boolean;
  /** A personal portal link of the demo contact, if the demo exists. */
  portalLink: string | null;
  mailMode: "smtp" | "outbox";
}

/**
 * What `npm start` prints. Outside production it hands a newcomer the demo's sign-in (the passwords are in
 * the README anyway); in production it never prints a password or a sign-in link: logs are kept and read
 * by other people.
 */
export function startBanner(config: Config, f: BannerFacts): string {
  const where = f.databaseKind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  const showDemo = config.demo && !config.isProduction;
  const lines = [
    "",
    `  Portico is running on ${where}${f.seeded ? " (demo organisation created)" : ""}${config.isProduction ? " in production mode" : ""}.`,
    `  Back office:  ${config.publicUrl}/app`,
    showDemo ? `  Demo login:   ${DEMO.email} / ${DEMO.password}` : null,
    showDemo && f.portalLink ? `  Portal link:  ${f.portalLink}` : null,
    showDemo
      ? `  Portal login: ${config.publicUrl}/p/${DEMO.slug}/login  ${DEMO.contactEmail} / ${DEMO.contactPassword}`
      : null,
    `  API docs:     ${config.publicUrl}/api/docs`,
    `  Email:        ${f.mailMode === "smtp" ? "sent through SMTP_URL" : "kept in the back office outbox (set SMTP_URL to send)"}`,
    "",
  ].filter((l): l is string => l !== null);
  return lines.join("\n");
}
