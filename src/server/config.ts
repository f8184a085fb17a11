import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";

/** The development default of APP_SECRET: fine on a laptop, refused in production. */
export const DEV_APP_SECRET = "portico-dev-secret-change-me";
/** The shortest APP_SECRET production accepts. */
export const MIN_PRODUCTION_SECRET = 32;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  PUBLIC_URL: z
    .url()
    .refine((u) => /^https?:\/\//i.test(u), "PUBLIC_URL must be an http:// or https:// URL")
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Portico <no-reply@portico.local>"),
  /** Signs gateway confirmations of the sandbox gateway; checked below (longer in production). */
  APP_SECRET: z.string().optional(),
  NODE_ENV: z.string().default("development"),
  /** Request logs are for production; a newcomer running the demo sees warnings and errors only. */
  LOG_LEVEL: z.string().optional(),
  /** "1" seeds the demo organisation and turns the sandbox gateway on; "0" turns both off. */
  PORTICO_DEMO: z.enum(["0", "1"]).optional(),
  /**
   * "1" lets an unauthenticated route move the server's clock and run the due jobs (`POST /api/test/clock`):
   * for end-to-end tests only (scripts/test-e2e.sh), refused in production.
   */
  PORTICO_TEST_CLOCK: z.enum(["0", "1"]).optional(),
  /** Production normally refuses an http:// PUBLIC_URL; "1" allows it (a private network, a test rig). */
  ALLOW_INSECURE_HTTP: z.enum(["0", "1"]).optional(),
  /** Which proxies may name the client with X-Forwarded-For: a hop count or addresses/CIDRs (see below). */
  TRUST_PROXY: z.string().optional(),
  /** Requests per minute one API key may make (G5); bounded so a typo cannot turn the limit off. */
  API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(600),
  SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000).default(5),
  /** "closed" turns public sign-up off; operators then create organisations with `npm run org:create`. */
  SIGNUP: z.enum(["open", "closed"]).optional(),
  /** Encrypts gateway credentials (C8): "kid:base64-of-32-bytes[,kid:…]"; the first encrypts, all decrypt. */
  PORTICO_ENCRYPTION_KEY: z.string().optional(),
  /** Where the providers' APIs live (issue 13): their production hosts unless a test rig points elsewhere. */
  STRIPE_API_BASE: z.url().default("https://api.stripe.com"),
  PAYPAL_API_BASE: z.url().default("https://api-m.paypal.com"),
  REDSYS_BASE: z.url().default("https://sis.redsys.es"),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** App processes on one port (node:cluster, decision 056): 1, the default, is one process as always. */
  WORKERS: z.coerce
    .number()
    .int("WORKERS must be a whole number of processes from 1 to 64")
    .min(1, "WORKERS must be a whole number of processes from 1 to 64")
    .max(64, "WORKERS must be a whole number of processes from 1 to 64")
    .default(1),
});

/** What Fastify's `trustProxy` gets: off, a hop count, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = false | number | string[];

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  appSecret: string;
  isProduction: boolean;
  logLevel: string;
  /** Seed the demo organisation on an empty database (on outside production unless PORTICO_DEMO=0). */
  demo: boolean;
  /** The end-to-end tests' clock route (`PORTICO_TEST_CLOCK=1`); never in production. */
  testClock: boolean;
  /** The built-in sandbox gateway (a demo device): on outside production, in production only with PORTICO_DEMO=1. */
  sandboxGateway: boolean;
  trustProxy: TrustProxy;
  /** PUBLIC_URL is https: cookies are `Secure` and `__Host-` prefixed. */
  secureCookies: boolean;
  /** Requests per minute per API key. */
  apiKeyRateLimit: number;
  /** Sign-ups (and new organisations) per client address in 10 minutes. */
  signupRateLimit: number;
  /** Anyone may create an organisation from the sign-in page (off with SIGNUP=closed). */
  signupOpen: boolean;
  /** The keyring of gateway credentials: the first key encrypts, every key decrypts (C8). */
  encryptionKeys: EncryptionKey[];
  gateways: GatewayHosts;
  /** How many app processes serve the port (WORKERS; more than one only on PostgreSQL). */
  workers: number;
};

/** One key of the credentials keyring: `id` is stored beside each ciphertext, so keys can rotate. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The server-wide side of the payment gateways (not per organisation). */
export interface GatewayHosts {
  stripeApiBase: string;
  paypalApiBase: string;
  redsysBase: string;
  timeoutMs: number;
}

/** A configuration Portico refuses: `problems` holds one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * TRUST_PROXY: empty or "0" is off; a whole number is how many proxies stand in front (Fastify trusts that
 * many hops of X-Forwarded-For); otherwise a comma-separated list of proxy addresses or CIDR ranges.
 * Anything else (notably "true", which would let every client pick its address) is refused.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { error: string } {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0") return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 32 ? hops : { error: `TRUST_PROXY: ${value} hops is not a plausible proxy chain` };
  }
  const items = value.split(",").map((s) => s.trim());
  const bad = items.filter((item) => !isAddressOrCidr(item));
  if (bad.length > 0)
    return {
      error: `TRUST_PROXY: "${bad.join(", ")}" is not a hop count or a list of proxy addresses/CIDRs (e.g. 1, or 127.0.0.1,10.0.0.0/8)`,
    };
  return items;
}

function isAddressOrCidr(item: string): boolean {
  const [address, prefix, ...rest] = item.split("/");
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * PORTICO_ENCRYPTION_KEY: comma-separated "kid:base64" items, each key exactly 32 bytes (AES-256), ids
 * unique. Put a new key first to rotate: rows written with an older key still decrypt.
 */
export function parseEncryptionKeys(raw: string): EncryptionKey[] | { error: string } {
  const keys: EncryptionKey[] = [];
  for (const item of raw.split(",").map((s) => s.trim())) {
    const [id, b64, ...rest] = item.split(":");
    if (!id || !b64 || rest.length > 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
      return {
        error: 'PORTICO_ENCRYPTION_KEY: each key is "kid:base64" (e.g. k1:… from `openssl rand -base64 32`)',
      };
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32 || key.toString("base64") !== b64)
      return { error: `PORTICO_ENCRYPTION_KEY: key "${id}" is not 32 bytes of base64` };
    if (keys.some((k) => k.id === id))
      return { error: `PORTICO_ENCRYPTION_KEY: key id "${id}" appears twice` };
    keys.push({ id, key });
  }
  return keys;
}

/** Outside production, without PORTICO_ENCRYPTION_KEY: one key derived from APP_SECRET (kid "dev"). */
const devKey = (secret: string): EncryptionKey => ({
  id: "dev",
  key: createHash("sha256").update(`portico-credentials:${secret}`).digest(),
});

/** Reads and validates the environment once; the defaults serve the embedded demo. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  const problems: string[] = [];

  const secret = e.APP_SECRET || undefined;
  if (isProduction) {
    if (!secret)
      problems.push(
        `APP_SECRET is not set: set a random value of at least ${MIN_PRODUCTION_SECRET} characters`,
      );
    else if (secret === DEV_APP_SECRET)
      problems.push("APP_SECRET is the development default: set your own random value");
    else if (secret.length < MIN_PRODUCTION_SECRET)
      problems.push(`APP_SECRET is shorter than ${MIN_PRODUCTION_SECRET} characters`);
    if (!e.PUBLIC_URL)
      problems.push("PUBLIC_URL is not set: set the https:// address people use to reach Portico");
    else if (/^http:\/\//i.test(e.PUBLIC_URL) && e.ALLOW_INSECURE_HTTP !== "1")
      problems.push("PUBLIC_URL is http://: use https://, or set ALLOW_INSECURE_HTTP=1 to accept it");
  } else if (secret !== undefined && secret.length < 16) {
    problems.push("APP_SECRET is shorter than 16 characters");
  }
  const keyring = e.PORTICO_ENCRYPTION_KEY ? parseEncryptionKeys(e.PORTICO_ENCRYPTION_KEY) : null;
  if (keyring && !Array.isArray(keyring)) problems.push(keyring.error);
  else if (!keyring && isProduction)
    problems.push(
      "PORTICO_ENCRYPTION_KEY is not set: set kid:base64 of 32 random bytes (openssl rand -base64 32) to encrypt gateway credentials",
    );
  if (isProduction && e.PORTICO_TEST_CLOCK === "1")
    problems.push(
      "PORTICO_TEST_CLOCK=1 lets anyone move the server's clock: it is for end-to-end tests, never production",
    );
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === "object" && !Array.isArray(trustProxy)) problems.push(trustProxy.error);
  if (e.WORKERS > 1 && !e.DATABASE_URL)
    problems.push(
      `WORKERS=${e.WORKERS} needs PostgreSQL (DATABASE_URL): the embedded database serves one process only`,
    );
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const demo = e.PORTICO_DEMO === undefined ? !isProduction : e.PORTICO_DEMO === "1";
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    appSecret: secret ?? DEV_APP_SECRET,
    isProduction,
    logLevel: e.LOG_LEVEL ?? (isProduction ? "info" : "warn"),
    demo,
    testClock: e.PORTICO_TEST_CLOCK === "1",
    sandboxGateway: !isProduction || e.PORTICO_DEMO === "1",
    trustProxy: trustProxy as TrustProxy,
    secureCookies: publicUrl.startsWith("https://"),
    apiKeyRateLimit: e.API_KEY_RATE_LIMIT,
    signupRateLimit: e.SIGNUP_RATE_LIMIT,
    signupOpen: e.SIGNUP !== "closed",
    encryptionKeys: Array.isArray(keyring) ? keyring : [devKey(secret ?? DEV_APP_SECRET)],
    gateways: {
      stripeApiBase: e.STRIPE_API_BASE.replace(/\/+$/, ""),
      paypalApiBase: e.PAYPAL_API_BASE.replace(/\/+$/, ""),
      redsysBase: e.REDSYS_BASE.replace(/\/+$/, ""),
      timeoutMs: e.GATEWAY_TIMEOUT_MS,
    },
    workers: e.WORKERS,
  };
}
