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
