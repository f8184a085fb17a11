import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { organisations, staffRecoveryCodes, users } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { beginLoginAttempt, clearLoginFailures, staffThrottleKey } from "../../http/login-throttle.js";
import { verifyPassword } from "../../http/passwords.js";
import { matchTotpStep, newTotpSecret, otpauthUri } from "./totp.js";

/**
 * Two-factor sign-in of staff (decision 022): a TOTP secret per person, in force once a first code
 * confirms it, with ten single-use recovery codes. Like the password, the person owns it, so everything
 * here runs in the system scope.
 */
export const RECOVERY_CODE_COUNT = 10;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
const newRecoveryCode = () => {
  const hex = randomBytes(5).toString("hex");
  return `${hex.slice(0, 5)}-${hex.slice(5)}`;
};

type UserRow = typeof users.$inferSelect;
/** The person of a session (a StaffPrincipal; not imported, as auth.service imports this file). */
type Person = { userId: string; orgId: string };

/**
 * Spends a TOTP code: it must match a step near now and a step after the last one used, which this
 * conditional update records atomically, so two requests with one code cannot both pass.
 */
async function spendTotp(db: Db, user: UserRow, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = matchTotpStep(user.totpSecret, code.trim(), clock.nowMs());
  if (step === null) return false;
  const rows = await withSystem(db, (tx) =>
    tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id }),
  );
  return rows.length === 1;
}

async function spendRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const rows = await withSystem(db, (tx) =>
    tx
      .update(staffRecoveryCodes)
      .set({ usedAt: clock.now() })
      .where(
        and(
          eq(staffRecoveryCodes.userId, userId),
          eq(staffRecoveryCodes.codeHash, sha256(normaliseRecoveryCode(code))),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: staffRecoveryCodes.id }),
  );
  return rows.length === 1;
}

/**
 * The second step of a sign-in whose password was right: nothing to do when the person has no
 * two-factor sign-in; else TOTP_REQUIRED without a code and TOTP_INVALID with a wrong, replayed or spent
 * one. The sign-in's attempt was counted as a failure before the password check, so these count in the
 * login throttle; only a full success clears it.
 */
export async function checkSecondFactor(
  db: Db,
  user: UserRow,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<void> {
  if (!user.totpEnabledAt) return;
  if (input.recoveryCode) {
    if (await spendRecoveryCode(db, user.id, input.recoveryCode)) return;
    throw new AppError("TOTP_INVALID");
  }
  if (!input.code) throw new AppError("TOTP_REQUIRED");
  if (!(await spendTotp(db, user, input.code))) throw new AppError("TOTP_INVALID");
}

async function userOf(db: Db, p: Person): Promise<UserRow> {
  const [user] = await withSystem(db, (tx) => tx.select().from(users).where(eq(users.id, p.userId)));
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Whether the person has it on, and whether the organisation of this session requires it. */
export async function getTwoFactorStatus(db: Db, p: Person) {
  const user = await userOf(db, p);
  const [org] = await withSystem(db, (tx) =>
    tx
      .select({ required: organisations.requireTwoFactor })
      .from(organisations)
      .where(eq(organisations.id, p.orgId)),
  );
  return { enabled: user.totpEnabledAt !== null, required: org?.required ?? false };
}

/**
 * A new secret, not yet in force (enable confirms it). Refused while it is on: the secret is shown only
 * here, never again, so it cannot be read back from a session.
 */
export async function setupTwoFactor(db: Db, p: Person) {
  const user = await userOf(db, p);
  if (user.totpEnabledAt) throw new AppError("CONFLICT");
  const secret = newTotpSecret();
  await withSystem(db, (tx) =>
    tx.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, user.id)),
  );
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

/** A first right code puts it in force; the ten recovery codes are answered this once, only hashes kept. */
export async function enableTwoFactor(db: Db, p: Person, code: string) {
  const user = await userOf(db, p);
  if (user.totpEnabledAt || !user.totpSecret) throw new AppError("CONFLICT");
  if (!(await spendTotp(db, user, code))) throw new AppError("TOTP_CODE_WRONG");
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await withSystem(db, async (tx) => {
    await tx.update(users).set({ totpEnabledAt: clock.now() }).where(eq(users.id, user.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
    await tx
      .insert(staffRecoveryCodes)
      .values(recoveryCodes.map((c) => ({ userId: user.id, codeHash: sha256(normaliseRecoveryCode(c)) })));
  });
  return { recoveryCodes };
}

/** Turning it off takes the password (throttled like a sign-in); the secret and recovery codes go. */
export async function disableTwoFactor(db: Db, p: Person, password: string, ip: string) {
  const user = await userOf(db, p);
  const attempt = { accountKey: staffThrottleKey(user.email), ip };
  await beginLoginAttempt(db, attempt);
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError("WRONG_PASSWORD", [
      { field: "body.password", message: "not right", code: "wrong_password" },
    ]);
  await clearLoginFailures(db, attempt);
  await withSystem(db, async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
  });
}
