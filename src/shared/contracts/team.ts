import { z } from "zod";
import { staffRole } from "./auth.js";
import { email, requiredText, uuid } from "./common.js";

/** The team (issue 12 §3): members of the organisation and pending invitations. */
export const teamMember = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role: staffRole,
  status: z.enum(["active", "disabled"]),
  lastSignInAt: z.iso.datetime().nullable(),
  isYou: z.boolean(),
});
export const teamInvitation = z.object({
  id: uuid,
  email: z.string(),
  role: staffRole,
  invitedByName: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const teamResponse = z.object({ members: z.array(teamMember), invitations: z.array(teamInvitation) });
export const inviteMemberBody = z.object({ email, role: staffRole });
export const memberRoleBody = z.object({ role: staffRole });
export const memberParams = z.object({ userId: uuid });

const token = z.string().min(1).max(100);
export const teamInvitationParams = z.object({ token });
/** What the accept page shows: who invites, as what, and whether the address already has an account. */
export const teamInvitationInfo = z.object({
  orgName: z.string(),
  email: z.string(),
  role: staffRole,
  hasAccount: z.boolean(),
});
const password = z.string().min(1, "required").max(1024);
/**
 * A new person gives a name and a password (with its confirmation); a person with an account gives its
 * current password, which signs them in to the inviting organisation.
 */
export const acceptTeamInvitationBody = z.object({
  token,
  name: requiredText(200).optional(),
  password,
  confirm: password.optional(),
});

export type TeamMember = z.infer<typeof teamMember>;
export type TeamInvitation = z.infer<typeof teamInvitation>;
export type TeamResponse = z.infer<typeof teamResponse>;
export type InviteMemberBody = z.infer<typeof inviteMemberBody>;
export type TeamInvitationInfo = z.infer<typeof teamInvitationInfo>;
export type AcceptTeamInvitationBody = z.infer<typeof acceptTeamInvitationBody>;
