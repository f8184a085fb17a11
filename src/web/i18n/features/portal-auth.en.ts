import type { Messages } from "../types.js";
import type { portalAuthEs } from "./portal-auth.es.js";

export const portalAuthEn: Messages<typeof portalAuthEs> = {
  email: "Email",
  password: "Password",
  newPassword: "New password",
  confirmPassword: "Confirm password",
  currentPassword: "Current password",
  showPassword: "Show password",
  passwordHint: "At least 12 characters. A phrase of a few words is easy to remember and hard to guess.",
  mismatch: "The two passwords do not match.",
  required: "Required",
  backToSignIn: "Back to sign in",
  signIn: {
    title: "Sign in to {{name}}",
    submit: "Sign in",
    forgot: "Forgot password?",
    locked: "Too many failed attempts. Wait a few minutes or reset your password.",
    linkHint: "Were you sent an invoice? You can also open it with the link in the email.",
    linkInvalid: "That link is not valid any more. Sign in, or ask the sender for a new one.",
  },
  forgot: {
    title: "Reset your password",
    intro: "Enter the email you sign in with and we will send you a link to choose a new password.",
    submit: "Send link",
    sent: "If the address is known to this portal, we sent it a link. It expires in 30 minutes.",
  },
  reset: {
    title: "Choose a new password",
    submit: "Set password",
    done: "Your password was changed. You can now sign in with it.",
    missingToken: "The link is incomplete. Open it again from the email or ask for a new one.",
    askAgain: "Ask for a new link",
  },
  invitation: {
    title: "Accept the invitation",
    intro: "Choose a password to enter the portal as {{name}}.",
    userName: "Your user name",
    submit: "Set password",
  },
  change: {
    title: "Change password",
    menu: "Change password",
    intro: "Changing it signs you out everywhere else.",
    submit: "Change password",
    done: "Your password was changed. We sent you an email about it.",
    noPassword: "Came in through a link and never chose a password? Get one with “Forgot password?”.",
  },
  signOutLabel: "Sign out",
};
