import type { Messages } from "../types.js";
import type { staffPasswordsEs } from "./staff-passwords.es.js";

export const staffPasswordsEn: Messages<typeof staffPasswordsEs> = {
  forgotLink: "Forgot your password?",
  backToSignIn: "Back to sign in",
  email: "Email",
  forgot: {
    title: "Reset your password",
    intro:
      "Enter the email you sign in to Portico with and we will send you a link to choose a new password.",
    submit: "Send link",
    sent: "If the address has an account, we have sent it a link. It expires in 30 minutes.",
  },
  reset: {
    title: "Choose a new password",
    submit: "Save password",
    done: "Your password was changed and your sessions were signed out. You can sign in with it now.",
    missingToken: "The link is incomplete. Open it again from the email or ask for another.",
    askAgain: "Ask for a new link",
  },
  change: {
    menu: "Change password",
    title: "Change your password",
    intro: "Changing it signs out your other open sessions.",
    current: "Current password",
    submit: "Change password",
    done: "Your password was changed. We have sent you an email about it.",
  },
};
