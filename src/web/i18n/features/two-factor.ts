import type { Messages } from "../types.js";

/** Two-factor sign-in (decision 022), merged into the catalogues under `twoFactor`. */
export const twoFactorEs = {
  menu: "Acceso en dos pasos",
  title: "Acceso en dos pasos",
  intro:
    "Además de la contraseña, al iniciar sesión se pedirá un código de 6 cifras de una aplicación de autenticación.",
  on: "El acceso en dos pasos está activado.",
  off: "El acceso en dos pasos no está activado.",
  requiredByOrg: "Tu organización exige el acceso en dos pasos: actívalo para seguir trabajando.",
  start: "Activar",
  secret: "Clave secreta",
  uri: "Enlace otpauth (para pegar en la aplicación)",
  scanHelp: "Añade la clave o el enlace a tu aplicación de autenticación y escribe el código que muestra.",
  code: "Código de 6 cifras",
  confirm: "Confirmar y activar",
  recoveryTitle: "Códigos de recuperación",
  recoveryHelp:
    "Guárdalos en un lugar seguro: cada uno sirve una sola vez si pierdes el teléfono. No se volverán a mostrar.",
  disableTitle: "Desactivar",
  password: "Contraseña",
  disable: "Desactivar el acceso en dos pasos",
  disabled: "El acceso en dos pasos se ha desactivado.",
  teamTitle: "Exigirlo a todo el equipo",
  teamSwitch: "Todos los miembros deben iniciar sesión en dos pasos",
  login: {
    code: "Código de la aplicación de autenticación",
    recoveryCode: "Código de recuperación",
    useRecovery: "Usar un código de recuperación",
    useCode: "Usar el código de la aplicación",
  },
};

export const twoFactorEn: Messages<typeof twoFactorEs> = {
  menu: "Two-factor sign-in",
  title: "Two-factor sign-in",
  intro: "Besides your password, signing in will ask for a 6-digit code from an authenticator app.",
  on: "Two-factor sign-in is on.",
  off: "Two-factor sign-in is off.",
  requiredByOrg: "Your organisation requires two-factor sign-in: turn it on to keep working.",
  start: "Turn on",
  secret: "Secret key",
  uri: "otpauth link (to paste into the app)",
  scanHelp: "Add the key or the link to your authenticator app and type the code it shows.",
  code: "6-digit code",
  confirm: "Confirm and turn on",
  recoveryTitle: "Recovery codes",
  recoveryHelp:
    "Keep them somewhere safe: each works once if you lose your phone. They will not be shown again.",
  disableTitle: "Turn off",
  password: "Password",
  disable: "Turn off two-factor sign-in",
  disabled: "Two-factor sign-in is off now.",
  teamTitle: "Require it of the whole team",
  teamSwitch: "Every member must sign in with two factors",
  login: {
    code: "Authenticator app code",
    recoveryCode: "Recovery code",
    useRecovery: "Use a recovery code",
    useCode: "Use the app's code",
  },
};
