import type { Messages } from "../types.js";

/** Staff forgot / reset / change password (decision 016), merged into the catalogues under `staffPasswords`. */
export const staffPasswordsEs = {
  forgotLink: "¿Has olvidado tu contraseña?",
  backToSignIn: "Volver a iniciar sesión",
  email: "Email",
  forgot: {
    title: "Restablecer la contraseña",
    intro:
      "Escribe el email con el que entras en Portico y te enviaremos un enlace para elegir una contraseña nueva.",
    submit: "Enviar enlace",
    sent: "Si la dirección tiene una cuenta, te hemos enviado un enlace. Caduca en 30 minutos.",
  },
  reset: {
    title: "Elige una contraseña nueva",
    submit: "Guardar contraseña",
    done: "Tu contraseña se ha cambiado y se han cerrado tus sesiones. Ya puedes iniciar sesión con ella.",
    missingToken: "Falta el enlace completo. Ábrelo de nuevo desde el email o pide otro.",
    askAgain: "Pedir un enlace nuevo",
  },
  change: {
    menu: "Cambiar contraseña",
    title: "Cambiar la contraseña",
    intro: "Al cambiarla se cerrarán tus otras sesiones abiertas.",
    current: "Contraseña actual",
    submit: "Cambiar contraseña",
    done: "Tu contraseña se ha cambiado. Te hemos enviado un email de aviso.",
  },
};

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
