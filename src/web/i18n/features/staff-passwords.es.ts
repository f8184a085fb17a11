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
