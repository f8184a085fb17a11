import { and, eq } from "drizzle-orm";
import {
  type EmailTemplate,
  type EmailTemplateInput,
  type EmailTemplateLanguage,
  type EmailTemplateList,
  type EmailTemplatePreview,
  emailTemplateLanguage,
} from "../../../shared/contracts/email-templates.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { emailTemplates, users } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  EDITABLE_EMAILS,
  type EditableKind,
  editableKind,
  sampleVars,
} from "../../email/editable/catalogue.js";
import { loadOverride } from "../../email/editable/render.js";
import type { Mailer } from "../../email/mailer.js";
import {
  builtInTemplate,
  checkStaffTemplate,
  type RenderedEmail,
  renderStaffTemplate,
  staffTemplateGlobals,
} from "../../email/templates.js";
import { AppError, type FieldError } from "../../errors/errors.js";
import { loadOrganisation } from "../organisation/organisation.service.js";

type Lang = EmailTemplateLanguage;

function entryOf(kind: string): EditableKind {
  const entry = editableKind(kind);
  if (!entry) throw new AppError("NOT_FOUND");
  return entry;
}

/** A language of the path: es or en, anything else is not found. */
export function languageOf(value: string): Lang {
  const lang = emailTemplateLanguage.safeParse(value);
  if (!lang.success) throw new AppError("NOT_FOUND");
  return lang.data;
}

const lineOf = (message: string) => Number(/line:(\d+)/.exec(message)?.[1] ?? 1);
const firstLine = (message: string) => message.split("\n")[0]?.slice(0, 200) || "invalid template";

/**
 * Checks one part of a template against its kind's catalogue with the strict engine (issue 16 §5): it must
 * parse (no file tags: the engine has no file system, so include/render/layout fail), use only filters the
 * engine has, read only the catalogue's variables — every branch, not only those the samples reach — and
 * render with the sample values within the engine's time and memory limits. Null when it is fine.
 */
async function problemOf(
  entry: EditableKind,
  text: string,
  lang: Lang,
): Promise<FieldError["params"] | null> {
  // Parse and render with the samples first: its errors carry the line (parse errors, file tags, filters,
  // limits); then the names read anywhere, so a variable in a branch the samples skip is caught as well.
  const problem = await checkStaffTemplate(text, lang, sampleVars(entry));
  if (problem) return { detail: problem, line: lineOf(problem) };
  const allowed = new Set(entry.variables.map((v) => v.name));
  try {
    const globals = await staffTemplateGlobals(text, lang);
    const unknown = globals.find((g) => !allowed.has(g.name));
    return unknown
      ? { detail: `undefined variable: ${unknown.name}, line:${unknown.line}`, line: unknown.line }
      : null;
  } catch (error) {
    const message = firstLine(error instanceof Error ? error.message : String(error));
    return { detail: message, line: lineOf(message) };
  }
}

/** Refuses a template that cannot be used (422 EMAIL_TEMPLATE_INVALID, per field, with the line): saves nothing. */
async function assertUsable(entry: EditableKind, lang: Lang, input: EmailTemplateInput): Promise<void> {
  const fields: FieldError[] = [];
  for (const part of ["subject", "body"] as const) {
    const params = await problemOf(entry, input[part], lang);
    if (params)
      fields.push({
        field: `body.${part}`,
        message: `invalid template: ${params.detail}`,
        code: "invalid_template",
        params,
      });
  }
  if (entry.buttonRequired && fields.length === 0 && !/\{\{-?\s*button\s*-?\}\}/.test(input.body))
    fields.push({
      field: "body.body",
      message: "the body must keep {{ button }}, the recipient's personal link",
      code: "template_button_required",
    });
  if (fields.length > 0) throw new AppError("EMAIL_TEMPLATE_INVALID", fields);
}

export function listEmailTemplates(db: Db, orgId: string): Promise<EmailTemplateList> {
  return withOrg(db, orgId, async (tx) => {
    const rows = await tx.select().from(emailTemplates).where(eq(emailTemplates.orgId, orgId));
    return {
      items: EDITABLE_EMAILS.map(({ kind }) => {
        const own = rows.filter((r) => r.kind === kind);
        const latest = own.map((r) => r.updatedAt.getTime()).sort((a, b) => b - a)[0];
        return {
          kind,
          customised: { es: own.some((r) => r.language === "es"), en: own.some((r) => r.language === "en") },
          updatedAt: latest === undefined ? null : new Date(latest).toISOString(),
        };
      }),
      elsewhere: [{ kind: "payment_reminder", path: "/settings/reminders" }],
    };
  });
}

async function templateOf(tx: Tx, orgId: string, entry: EditableKind, lang: Lang): Promise<EmailTemplate> {
  const row = await loadOverride(tx, orgId, entry.kind, lang);
  const builtIn = builtInTemplate(entry.kind, lang);
  return {
    kind: entry.kind,
    language: lang,
    subject: row?.subject ?? builtIn.subject,
    body: row?.body ?? builtIn.body,
    customised: row !== undefined,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    defaults: { subject: builtIn.subject, body: builtIn.body },
    variables: entry.variables.map((v) => ({
      name: v.name,
      description: v.description[lang],
      sample: v.sample,
    })),
    buttonRequired: entry.buttonRequired,
  };
}

export function getEmailTemplate(db: Db, orgId: string, kind: string, lang: Lang): Promise<EmailTemplate> {
  const entry = entryOf(kind);
  return withOrg(db, orgId, (tx) => templateOf(tx, orgId, entry, lang));
}

export async function saveEmailTemplate(
  db: Db,
  orgId: string,
  userId: string,
  kind: string,
  lang: Lang,
  input: EmailTemplateInput,
): Promise<EmailTemplate> {
  const entry = entryOf(kind);
  await assertUsable(entry, lang, input);
  return withOrg(db, orgId, async (tx) => {
    const values = { subject: input.subject, body: input.body, updatedBy: userId, updatedAt: clock.now() };
    await tx
      .insert(emailTemplates)
      .values({ orgId, kind: entry.kind, language: lang, ...values })
      .onConflictDoUpdate({
        target: [emailTemplates.orgId, emailTemplates.kind, emailTemplates.language],
        set: values,
      });
    return templateOf(tx, orgId, entry, lang);
  });
}

/** "Restore default": the organisation's text goes; the built-in one applies again. */
export async function restoreEmailTemplate(
  db: Db,
  orgId: string,
  kind: string,
  lang: Lang,
): Promise<EmailTemplate> {
  const entry = entryOf(kind);
  return withOrg(db, orgId, async (tx) => {
    await tx
      .delete(emailTemplates)
      .where(
        and(
          eq(emailTemplates.orgId, orgId),
          eq(emailTemplates.kind, entry.kind),
          eq(emailTemplates.language, lang),
        ),
      );
    return templateOf(tx, orgId, entry, lang);
  });
}

/** The email as a customer would get it, with the catalogue's sample values, the organisation's brand colour. */
async function renderSample(
  tx: Tx,
  config: Config,
  orgId: string,
  entry: EditableKind,
  lang: Lang,
  input: EmailTemplateInput,
): Promise<RenderedEmail> {
  const org = await loadOrganisation(tx, orgId);
  const { button } = builtInTemplate(entry.kind, lang);
  const vars = { ...sampleVars(entry), org_name: org.name };
  return renderStaffTemplate(
    { subject: input.subject, body: input.body, ...(button ? { button } : {}) },
    lang,
    vars,
    {
      buttonUrl: `${config.publicUrl}/p/${encodeURIComponent(org.portalSlug)}/`,
      brandColor: org.brandColor,
    },
  );
}

export async function previewEmailTemplate(
  db: Db,
  config: Config,
  orgId: string,
  kind: string,
  lang: Lang,
  input: EmailTemplateInput,
): Promise<EmailTemplatePreview> {
  const entry = entryOf(kind);
  await assertUsable(entry, lang, input);
  return withOrg(db, orgId, (tx) => renderSample(tx, config, orgId, entry, lang, input));
}

/** A test send of the text being edited, with sample values, to the signed-in staff member only (outbox). */
export async function sendTestEmailTemplate(
  deps: { db: Db; config: Config; mailer: Mailer },
  orgId: string,
  userId: string,
  kind: string,
  lang: Lang,
  input: EmailTemplateInput,
): Promise<{ to: string }> {
  const entry = entryOf(kind);
  await assertUsable(entry, lang, input);
  return withOrg(deps.db, orgId, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw new AppError("NOT_FOUND");
    const email = await renderSample(tx, deps.config, orgId, entry, lang, input);
    const org = await loadOrganisation(tx, orgId);
    await deps.mailer.enqueue(tx, {
      orgId,
      kind: `${entry.kind}_test`,
      to: user.email,
      toName: user.name,
      fromName: org.name,
      ...email,
      subject: `[${lang === "es" ? "Prueba" : "Test"}] ${email.subject}`,
    });
    return { to: user.email };
  });
}
