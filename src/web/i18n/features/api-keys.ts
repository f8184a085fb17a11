import type { Messages } from "../types.js";

/** Settings → API keys (issue 12, G5), merged into the catalogues under `apiKeys`. */
export const apiKeysEs = {
  tab: "Claves de API",
  title: "Claves de API",
  intro:
    "Una clave deja que un programa de contabilidad o un script use la API de Portico en nombre de tu empresa. Envíala en la cabecera Authorization: Bearer <clave>.",
  empty: "Aún no hay claves. Crea una para conectar otra herramienta.",
  name: "Nombre",
  prefix: "Clave",
  scope: "Permisos",
  scopes: { read: "Solo lectura", write: "Lectura y escritura" },
  created: "Creada",
  lastUsed: "Último uso",
  expires: "Caduca",
  never: "Nunca",
  notUsed: "Sin usar",
  status: "Estado",
  active: "Activa",
  revoked: "Revocada",
  expired: "Caducada",
  actions: "Acciones",
  create: {
    title: "Crear una clave",
    submit: "Crear clave",
    nameHint: "Para saber qué la usa, p. ej. «Exportación a contabilidad».",
    expiresHint: "Opcional: la clave deja de funcionar al terminar ese día.",
    required: "Escribe un nombre.",
  },
  secret: {
    title: "Tu clave nueva",
    warning:
      "Cópiala ahora y guárdala en un lugar seguro: no volveremos a mostrarla. Quien la tenga puede actuar en tu empresa.",
    copy: "Copiar",
    copied: "Copiada",
    done: "La he guardado",
  },
  revoke: {
    button: "Revocar",
    title: "¿Revocar la clave «{{name}}»?",
    body: "Dejará de funcionar al momento y no se puede deshacer. Lo que la use recibirá un error 401.",
    confirm: "Revocar clave",
    cancel: "Cancelar",
    done: "Clave revocada.",
  },
};

export const apiKeysEn: Messages<typeof apiKeysEs> = {
  tab: "API keys",
  title: "API keys",
  intro:
    "A key lets an accounting tool or a script use Portico's API on your organisation's behalf. Send it in the Authorization: Bearer <key> header.",
  empty: "No keys yet. Create one to connect another tool.",
  name: "Name",
  prefix: "Key",
  scope: "Access",
  scopes: { read: "Read only", write: "Read and write" },
  created: "Created",
  lastUsed: "Last used",
  expires: "Expires",
  never: "Never",
  notUsed: "Not used yet",
  status: "Status",
  active: "Active",
  revoked: "Revoked",
  expired: "Expired",
  actions: "Actions",
  create: {
    title: "Create a key",
    submit: "Create key",
    nameHint: "To tell what uses it, e.g. “Accounting export”.",
    expiresHint: "Optional: the key stops working at the end of that day.",
    required: "Enter a name.",
  },
  secret: {
    title: "Your new key",
    warning:
      "Copy it now and keep it somewhere safe: it will not be shown again. Whoever holds it can act in your organisation.",
    copy: "Copy",
    copied: "Copied",
    done: "I have saved it",
  },
  revoke: {
    button: "Revoke",
    title: "Revoke the key “{{name}}”?",
    body: "It stops working at once and this cannot be undone. Whatever uses it will get a 401 error.",
    confirm: "Revoke key",
    cancel: "Cancel",
    done: "Key revoked.",
  },
};
