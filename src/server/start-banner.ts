import type { Config } from "./config.js";
import { DEMO } from "./seed.js";

export interface BannerFacts {
  databaseKind: "pglite" | "postgres";
  /** The demo organisation was created at this start. */
  seeded: boolean;
  /** A personal portal link of the demo contact, minted when the demo was just seeded; printed only then. */
  portalLink: string | null;
  mailMode: "smtp" | "outbox";
}

/**
 * What `npm start` prints. Outside production, on the start that seeded the demo, it hands a newcomer the
 * demo's sign-ins and a portal link; later starts print only the addresses and point to the README (the
 * passwords may have been changed since, and a new link on every start is a new live sign-in). In production
 * it never prints a password or a sign-in link: logs are kept and read by other people.
 */
export function startBanner(config: Config, f: BannerFacts): string {
  const where = f.databaseKind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  const demoOn = config.demo && !config.isProduction;
  const firstStart = demoOn && f.seeded;
  const lines = [
    "",
    `  Portico is running on ${where}${f.seeded ? " (demo organisation created)" : ""}${config.isProduction ? " in production mode" : ""}.`,
    `  Back office:  ${config.publicUrl}/app`,
    firstStart ? `  Demo login:   ${DEMO.email} / ${DEMO.password}` : null,
    firstStart && f.portalLink ? `  Portal link:  ${f.portalLink}` : null,
    firstStart
      ? `  Portal login: ${config.publicUrl}/p/${DEMO.slug}/login  ${DEMO.contactEmail} / ${DEMO.contactPassword}`
      : null,
    demoOn && !firstStart ? `  Demo portal:  ${config.publicUrl}/p/${DEMO.slug}/login` : null,
    demoOn && !firstStart ? "  Demo sign-ins: see README.md (printed only on the first start)" : null,
    `  API docs:     ${config.publicUrl}/api/docs`,
    `  Email:        ${f.mailMode === "smtp" ? "sent through SMTP_URL" : "kept in the back office outbox (set SMTP_URL to send)"}`,
    "",
  ].filter((l): l is string => l !== null);
  return lines.join("\n");
}
