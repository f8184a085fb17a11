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
