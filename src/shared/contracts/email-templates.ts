import { z } from "zod";

/**
 * Editable email templates (issue 16 §5, C7, decision 046). The kinds and their variables are the
 * server's catalogue (email/editable/catalogue.ts); the API hands them to the web with each template.
 */
export const EMAIL_TEMPLATE_LANGUAGES = ["es", "en"] as const;
export const emailTemplateLanguage = z.enum(EMAIL_TEMPLATE_LANGUAGES);
export type EmailTemplateLanguage = z.infer<typeof emailTemplateLanguage>;

/** Path parameters name a kind and a language; one that does not exist answers 404, like an unknown id. */
export const emailTemplateParams = z.object({ kind: z.string().max(100), language: z.string().max(100) });

export const emailTemplateInput = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(10_000),
});
export type EmailTemplateInput = z.infer<typeof emailTemplateInput>;

export const emailTemplateVariable = z.object({
  name: z.string(),
  description: z.string(),
  sample: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type EmailTemplateVariable = z.infer<typeof emailTemplateVariable>;

export const emailTemplateSummary = z.object({
  kind: z.string(),
  /** Per language: the organisation wrote its own text (else the built-in one applies). */
  customised: z.object({ es: z.boolean(), en: z.boolean() }),
  updatedAt: z.string().nullable(),
});
export const emailTemplateList = z.object({
  items: z.array(emailTemplateSummary),
  /** Kinds whose text is written elsewhere (payment reminders: Settings › Reminders). */
  elsewhere: z.array(z.object({ kind: z.string(), path: z.string() })),
});
export type EmailTemplateList = z.infer<typeof emailTemplateList>;

export const emailTemplate = z.object({
  kind: z.string(),
  language: emailTemplateLanguage,
  subject: z.string(),
  body: z.string(),
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  /** The built-in text ("restore default" goes back to it). */
  defaults: z.object({ subject: z.string(), body: z.string() }),
  variables: z.array(emailTemplateVariable),
  /** The body must keep `{{ button }}` (the personal link). */
  buttonRequired: z.boolean(),
});
export type EmailTemplate = z.infer<typeof emailTemplate>;

export const emailTemplatePreview = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type EmailTemplatePreview = z.infer<typeof emailTemplatePreview>;

export const emailTemplateTestSent = z.object({ to: z.string() });
