import type { Messages } from "../types.js";
import type { portalAccessEs } from "./portal-access.es.js";
import { portalAccessPortalEn } from "./portal-access.portal.en.js";

export const portalAccessEn: Messages<typeof portalAccessEs> = {
  ...portalAccessPortalEn,
  nav: "Portal access",
  title: "Portal access",
  intro: "Who at this customer can sign in to the portal.",
  empty: "This customer has no contacts. Add one to give them access.",
  lastSignIn: "Last signed in {{date}}",
  invitedOn: "Invited on {{date}}",
  noEmail: "No email",
  status: { none: "No access", invited: "Invited", active: "Active", disabled: "Disabled" },
  enable: "Enable portal access",
  reinvite: "Re-invite",
  disable: "Disable access",
  disableAll: "Disable everyone’s access",
  preview: "Preview portal",
  previewBlocked: "Allow pop-ups to open the preview.",
  enableModal: {
    title: "Enable access for {{name}}",
    modeLabel: "How they get in",
    invite: "Send an invitation",
    password: "Set a password",
    inviteHelp:
      "{{email}} will get an email with the portal address, their user name and a button to choose their password. The link expires in 7 days.",
    passwordHelp: "No email is sent: pass the password on yourself. At least 12 characters.",
    passwordField: "Password",
    send: "Send invitation",
    save: "Save password",
  },
  confirmDisable: {
    title: "Disable access for {{name}}?",
    body: "Their open sessions end, and their document links and invitation stop working. You can enable access again later.",
    allTitle: "Disable access for every contact?",
    allBody: "Every contact of this customer is signed out of the portal now and their links stop working.",
  },
  done: {
    invited: "Invitation sent to {{email}}.",
    password: "Password saved: {{name}} can sign in now.",
    disabled: "Access disabled.",
  },
  bulk: {
    title: "Bulk portal access",
    intro:
      "Pick customers: every contact with an email and no access yet gets an invitation. You will see who was invited, who was not, and why.",
    search: "Search customers",
    selectAll: "Select all shown",
    selectCustomer: "Select {{name}}",
    contacts: "Contacts: {{count}}",
    selected: "Customers selected: {{count}}",
    run: "Send invitations",
    noCustomers: "No customers match.",
    report: "Result",
    invitedCount: "Invitations sent: {{count}}",
    skippedCount: "Not invited: {{count}}",
    customer: "Customer",
    contact: "Contact",
    result: "Result",
    invited: "Invited ({{email}})",
    reason: {
      no_email: "No email address",
      already_enabled: "Already has access",
      no_contacts: "The customer has no contacts",
      disabled: "Access disabled by your team",
    },
  },
};
