import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { emailTemplates } from "../../db/schema/index.js";
import type { EmailLang } from "../format.js";
import {
  builtInTemplate,
  type EmailKind,
  type RenderedEmail,
  type RenderOptions,
  renderEmail,
  renderStaffTemplate,
  type Vars,
} from "../templates.js";
import { type EditableKind, editableKind } from "./catalogue.js";

/** The organisation's own text of a kind in a language, or undefined (the built-in one applies). */
export async function loadOverride(tx: Tx, orgId: string, kind: string, lang: EmailLang) {
  const [row] = await tx
    .select()
    .from(emailTemplates)
    .where(
      and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.kind, kind), eq(emailTemplates.language, lang)),
    );
  return row;
}

/** Every catalogue variable is defined (a missing one is null): the strict engine refuses undefined names. */
export function withCatalogueVars(entry: EditableKind, vars: Record<string, unknown>): Vars {
  const out: Vars = {};
  for (const { name } of entry.variables) out[name] = null;
  for (const [k, value] of Object.entries(vars))
    out[k] =
      typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  return out;
}

/**
 * Renders an email of `kind` for an organisation (issue 16 §5, decision 046): its own text when staff
 * wrote one for this kind and language — the strict engine, the whole body escaped in the HTML part, the
 * built-in button label — else the built-in template. Runs in the caller's transaction (staff or contact
 * scope). A saved text that no longer renders (it was checked on save, so only after an upgrade changed
 * what a sender passes) falls back to the built-in one: the customer still gets the email.
 */
export async function renderOrgEmail(
  tx: Tx,
  orgId: string,
  kind: EmailKind,
  lang: EmailLang,
  vars: Record<string, string | number | boolean | null | undefined>,
  opts: RenderOptions = {},
): Promise<RenderedEmail> {
  const clean = Object.fromEntries(Object.entries(vars).map(([k, x]) => [k, x ?? null])) as Vars;
  const entry = editableKind(kind);
  const override = entry ? await loadOverride(tx, orgId, kind, lang) : undefined;
  if (!entry || !override) return renderEmail(kind, lang, clean, opts);
  const { button } = builtInTemplate(kind, lang);
  try {
    return await renderStaffTemplate(
      { subject: override.subject, body: override.body, ...(button ? { button } : {}) },
      lang,
      withCatalogueVars(entry, clean),
      opts,
    );
  } catch (error) {
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "organisation email template failed to render; built-in template used",
        orgId,
        kind,
        lang,
        error: error instanceof Error ? error.message.split("\n")[0] : String(error),
      }),
    );
    return renderEmail(kind, lang, clean, opts);
  }
}
