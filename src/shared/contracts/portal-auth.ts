import { z } from "zod";
import { email, text } from "./common.js";

/** Request and response shapes of the contacts' own sign-in and password pages (D1 accept side, D5). */

// The policy (12–128 characters, breached list) is checked by the server so its answer carries the
// exact code; the schema only bounds the size of what is hashed.
const password = z.string().min(1, "required").max(1024);
const token = text(100).min(1);

export const portalLoginBody = z.object({ email, password });
export const portalForgotBody = z.object({ email });
export const portalResetBody = z.object({ token, password, confirm: password });
export const portalAcceptBody = portalResetBody;
export const portalChangePasswordBody = z.object({
  currentPassword: z.string().max(1024),
  newPassword: password,
  confirm: password,
});
export const portalTokenParams = z.object({ slug: text(60).min(1), token });

/** What the accept-invitation page shows before the contact chooses a password. */
export const portalInvitation = z.object({ contactName: z.string(), email: z.string() });

export type PortalLoginBody = z.infer<typeof portalLoginBody>;
export type PortalResetBody = z.infer<typeof portalResetBody>;
export type PortalChangePasswordBody = z.infer<typeof portalChangePasswordBody>;
export type PortalInvitation = z.infer<typeof portalInvitation>;
