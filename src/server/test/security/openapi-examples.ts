import * as clock from "../../clock.js";
import { testToday } from "../dates.js";

/**
 * Builds a valid example value from a JSON schema of the OpenAPI document, so a crawler can call every
 * route with a body that passes validation and reaches the scope check. `idFor` supplies ids by
 * property name (customerId, contactIds…), which is how the crawler points a request at another tenant.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON schema is untyped here.
type Schema = any;

export function exampleOf(schema: Schema, idFor: (name: string) => string, name = ""): unknown {
  if (!schema || typeof schema !== "object") return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined && schema.type !== "object") return schema.default;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return exampleOf(variants.find((v: Schema) => v.type !== "null") ?? variants[0], idFor, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Schema) => exampleOf(s, idFor, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      // A contract may name the optional fields a valid body needs (`.meta({ example: {...} })`, e.g. a
      // time entry's minutes); ids are still the crawler's own.
      const hint = (schema.example ?? schema.examples?.[0] ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = Object.fromEntries(
        Object.entries(hint).filter(([key]) => !/Id$|Ids$/.test(key)),
      );
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        const required = (schema.required ?? []).includes(key);
        if (required || /Id$|Ids$/.test(key)) out[key] = exampleOf(prop, idFor, key);
      }
      return out;
    }
    case "array": {
      const item = exampleOf(schema.items, idFor, name.replace(/s$/, ""));
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => item);
    }
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 1000, 1000));
    case "boolean":
      return false;
    case "string":
      return exampleString(schema, idFor, name);
    default:
      return null;
  }
}

function exampleString(schema: Schema, idFor: (name: string) => string, name: string): string {
  if (schema.format === "uuid") return idFor(name);
  if (schema.format === "email") return "nobody@example.com";
  // Today on the server clock: a fixed date would one day fall outside a validated range (ADR 014).
  if (schema.format === "date") return testToday();
  if (schema.format === "date-time") return clock.now().toISOString();
  if (schema.format === "uri") return "https://example.com";
  if (schema.pattern) {
    const known: Record<string, string> = {
      "^[A-Z]{3}$": "EUR",
      "^[A-Z]{2}$": "ES",
      "^#[0-9a-fA-F]{6}$": "#123456",
      "^[0-9a-f]{64}$": "0".repeat(64),
    };
    if (known[schema.pattern]) return known[schema.pattern] as string;
  }
  const length = Math.max(schema.minLength ?? 1, 8);
  return "example-value-0123456789".slice(0, Math.min(length, schema.maxLength ?? length));
}
