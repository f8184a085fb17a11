import type { Messages } from "../types.js";
import type { apiKeysEs } from "./api-keys.es.js";

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
