import { z } from "zod";
import { email, language, uuid } from "./common.js";
import { staffAction } from "./staff-actions.js";

export const loginBody = z.object({
  email,
  password: z.string().min(1, "required").max(1024),
  /** The authenticator's code, when the person has two-factor sign-in on (decision 022). */
  code: z.string().max(16).optional(),
  /** Or one of their single-use recovery codes instead. */
  recoveryCode: z.string().max(64).optional(),
});
export const staffRole = z.enum(["owner", "admin", "staff"]);
export const staffMe = z.object({
  user: z.object({ id: uuid, name: z.string(), email: z.string(), language: language.nullable() }),
  org: z.object({
    id: uuid,
    name: z.string(),
    portalSlug: z.string(),
    language,
    baseCurrency: z.string(),
    /** The organisation's calendar: "today" for a new document's date is the date there, as the server's. */
    timeZone: z.string(),
  }),
  role: staffRole,
  /** What this person may do here, from the server's staff policy: the back office shows only these. */
  permissions: z.array(staffAction),
});
export type StaffMe = z.infer<typeof staffMe>;

// Staff passwords (decision 016). The policy (12–128 characters, breached list) is checked by the server
// so its answer carries the exact code; the schema only bounds the size of what is hashed.
const newPassword = z.string().min(1, "required").max(1024);
export const staffForgotBody = z.object({ email });
export const staffResetBody = z.object({
  token: z.string().min(1).max(100),
  password: newPassword,
  confirm: newPassword,
});
export const staffChangePasswordBody = z.object({
  currentPassword: z.string().max(1024),
  newPassword,
  confirm: newPassword,
});
export type StaffResetBody = z.infer<typeof staffResetBody>;
export type StaffChangePasswordBody = z.infer<typeof staffChangePasswordBody>;

/** Two-factor sign-in (decision 022). */
export const twoFactorSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export const twoFactorEnableBody = z.object({ code: z.string().min(1, "required").max(16) });
export const twoFactorRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const twoFactorDisableBody = z.object({ password: z.string().min(1, "required").max(1024) });
export const twoFactorStatus = z.object({ enabled: z.boolean(), required: z.boolean() });
export const twoFactorRequiredBody = z.object({ required: z.boolean() });
export type TwoFactorSetup = z.infer<typeof twoFactorSetup>;
export type TwoFactorRecoveryCodes = z.infer<typeof twoFactorRecoveryCodes>;
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;
