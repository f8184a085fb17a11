import { eq } from "drizzle-orm";
import {
  DEFAULT_REMINDER_SETTINGS,
  REMINDER_KINDS,
  type ReminderRule,
  type ReminderSettings,
} from "../../../shared/contracts/reminders.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { reminderSettings } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { checkStaffTemplate } from "../../email/templates.js";
import { AppError, type FieldError } from "../../errors/errors.js";

/** What a template is checked with on save: every variable a reminder email has, with plausible values. */
export const SAMPLE_REMINDER_VARS = {
  contact_name: "Laura Gómez",
  org_name: "Portico",
  kind: "invoice",
  number: "F2026-0001",
  total_minor: 12_100,
  due_minor: 12_100,
  currency: "EUR",
  due_date: "2026-01-31",
  days: 3,
  has_link: true,
  has_attachment: false,
  button: "",
};

/** The stored settings over the defaults, rule by rule (a rule saved before a field existed keeps working). */
export function reminderSettingsOf(stored: Partial<ReminderSettings> | undefined): ReminderSettings {
  const merge = (kind: keyof ReminderSettings): ReminderRule => {
    const d = DEFAULT_REMINDER_SETTINGS[kind];
    const s: Partial<ReminderRule> = stored?.[kind] ?? {};
    return {
      enabled: typeof s.enabled === "boolean" ? s.enabled : d.enabled,
      days: typeof s.days === "number" ? s.days : d.days,
      templates: {
        es: s.templates?.es ?? d.templates.es,
        en: s.templates?.en ?? d.templates.en,
      },
    };
  };
  return { before_due: merge("before_due"), on_due: merge("on_due"), after_due: merge("after_due") };
}

export async function loadReminderSettings(tx: Tx, orgId: string): Promise<ReminderSettings> {
  const [row] = await tx.select().from(reminderSettings).where(eq(reminderSettings.orgId, orgId));
  return reminderSettingsOf(row?.settings);
}

export function getReminderSettings(db: Db, orgId: string): Promise<ReminderSettings> {
  return withOrg(db, orgId, (tx) => loadReminderSettings(tx, orgId));
}

/**
 * Saves the three reminders. Every subject and body is parsed and rendered once with sample values by
 * the strict engine the emails use: a bad template (unclosed tag, unknown variable or filter) is refused
 * with the field and the engine's complaint, and nothing is saved.
 */
export async function updateReminderSettings(
  db: Db,
  orgId: string,
  input: ReminderSettings,
): Promise<ReminderSettings> {
  const fields: FieldError[] = [];
  for (const kind of REMINDER_KINDS)
    for (const lang of ["es", "en"] as const)
      for (const part of ["subject", "body"] as const) {
        const problem = await checkStaffTemplate(
          input[kind].templates[lang][part],
          lang,
          SAMPLE_REMINDER_VARS,
        );
        if (problem)
          fields.push({
            field: `body.${kind}.templates.${lang}.${part}`,
            message: `invalid template: ${problem}`,
            code: "invalid_template",
            params: { detail: problem },
          });
      }
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", fields);
  return withOrg(db, orgId, async (tx) => {
    await tx
      .insert(reminderSettings)
      .values({ orgId, settings: input })
      .onConflictDoUpdate({
        target: reminderSettings.orgId,
        set: { settings: input, updatedAt: clock.now() },
      });
    return reminderSettingsOf(input);
  });
}
