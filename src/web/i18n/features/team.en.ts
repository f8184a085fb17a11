import type { Messages } from "../types.js";
import type { teamEs } from "./team.es.js";

export const teamEn: Messages<typeof teamEs> = {
  tab: "Team",
  noAccess: {
    title: "You don't have access to this page",
    body: "Your role in this organisation does not allow it. If you need it, ask an owner or an admin.",
    back: "Go to the dashboard",
  },
  roles: { owner: "Owner", admin: "Admin", staff: "Staff" },
  status: { active: "Active", disabled: "Disabled" },
  members: {
    title: "Members",
    name: "Name",
    email: "Email",
    role: "Role",
    lastSignIn: "Last sign-in",
    status: "Status",
    never: "Never",
    you: "you",
    disable: "Disable",
    enable: "Re-enable",
    confirmDisable: "Disable {{name}}? Their sessions end and they cannot sign in until you re-enable them.",
    roleChanged: "Role changed",
    disabled: "Member disabled",
    enabled: "Member re-enabled",
  },
  invite: {
    title: "Invite someone",
    email: "Email",
    role: "Role",
    submit: "Send invitation",
    sent: "Invitation sent to {{email}}",
  },
  invitations: {
    title: "Pending invitations",
    empty: "No pending invitations.",
    expires: "Expires",
    invitedBy: "Invited by",
    revoke: "Revoke",
    revoked: "Invitation revoked",
  },
  accept: {
    title: "Join the {{org}} team",
    intro: "You have been invited as {{role}} at {{email}}.",
    name: "Your name",
    password: "Password",
    confirm: "Repeat the password",
    existing: "You already have an account with this address: enter your password to join.",
    submit: "Accept the invitation",
    invalid:
      "This invitation has been used, revoked or has expired. Ask the person who invited you for a new one.",
    toSignIn: "Go to sign in",
  },
};
