import type { Messages } from "../types.js";

/** Texts of one feature, merged into the catalogues under `portalAuth`. */
export const portalAuthEs = {
  email: "Email",
  password: "Contraseña",
  newPassword: "Contraseña nueva",
  confirmPassword: "Confirmar contraseña",
  currentPassword: "Contraseña actual",
  showPassword: "Mostrar contraseña",
  passwordHint:
    "Al menos 12 caracteres. Una frase de varias palabras es fácil de recordar y difícil de adivinar.",
  mismatch: "Las dos contraseñas no coinciden.",
  required: "Obligatorio",
  backToSignIn: "Volver a iniciar sesión",
  signIn: {
    title: "Inicia sesión en {{name}}",
    submit: "Iniciar sesión",
    forgot: "¿Has olvidado tu contraseña?",
    locked: "Demasiados intentos fallidos. Espera unos minutos o restablece tu contraseña.",
    linkHint: "¿Te han enviado una factura? También puedes abrirla con el enlace del email.",
    linkInvalid: "Ese enlace ya no es válido. Inicia sesión o pide uno nuevo a quien te lo envió.",
  },
  forgot: {
    title: "Restablecer la contraseña",
    intro: "Escribe el email con el que accedes y te enviaremos un enlace para elegir una contraseña nueva.",
    submit: "Enviar enlace",
    sent: "Si la dirección está registrada en este portal, te hemos enviado un enlace. Caduca en 30 minutos.",
  },
  reset: {
    title: "Elige una contraseña nueva",
    submit: "Guardar contraseña",
    done: "Tu contraseña se ha cambiado. Ya puedes iniciar sesión con ella.",
    missingToken: "Falta el enlace completo. Ábrelo de nuevo desde el email o pide otro.",
    askAgain: "Pedir un enlace nuevo",
  },
  invitation: {
    title: "Acepta la invitación",
    intro: "Elige una contraseña para entrar en el portal como {{name}}.",
    userName: "Tu usuario",
    submit: "Guardar contraseña",
  },
  change: {
    title: "Cambiar la contraseña",
    menu: "Cambiar contraseña",
    intro: "Al cambiarla se cerrarán tus otras sesiones abiertas.",
    submit: "Cambiar contraseña",
    done: "Tu contraseña se ha cambiado. Te hemos enviado un email de aviso.",
    noPassword:
      "¿Entraste con un enlace y nunca elegiste contraseña? Pide una con «¿Has olvidado tu contraseña?».",
  },
  signOutLabel: "Cerrar sesión",
};

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
