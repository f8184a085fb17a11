import type { Messages } from "../types.js";
import type { twoFactorEs } from "./two-factor.es.js";

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
