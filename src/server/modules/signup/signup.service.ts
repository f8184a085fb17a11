import { eq } from "drizzle-orm";
import {
  type NewOrganisationBody,
  portalSlug,
  RESERVED_SLUGS,
  type SignupBody,
  type SlugCheckResponse,
} from "../../../shared/contracts/index.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { organisations, portalSlugHistory, users } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import type { ErrorCode } from "../../errors/error-codes.js";
import { AppError, type FieldError } from "../../errors/errors.js";
import { checkNewPassword } from "../../http/password-policy.js";
import { type StaffPrincipal, startStaffSession, switchStaffOrganisation } from "../auth/auth.service.js";
import { createOrganisation, type NewOwner } from "../organisation/create-organisation.js";

type Origin = { ip: string; userAgent: string | undefined };

/** Public sign-up and adding an organisation are off with SIGNUP=closed (operators use org:create). */
function assertSignupOpen(config: Pick<Config, "signupOpen">): void {
  if (!config.signupOpen) throw new AppError("SIGNUP_CLOSED");
}

/**
 * Whether a portal address may be taken by a new organisation: well-formed, not reserved, and neither
 * the current nor an old address of any organisation (old ones keep redirecting to their owner).
 */
export async function checkSlug(db: Db, raw: string): Promise<SlugCheckResponse> {
  const parsed = portalSlug.safeParse(raw);
  if (!parsed.success) return { available: false, reason: "invalid" };
  const slug = parsed.data;
  if (RESERVED_SLUGS.includes(slug)) return { available: false, reason: "reserved" };
  const taken = await withSystem(db, async (tx) => {
    const [current] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.portalSlug, slug));
    if (current) return true;
    const [old] = await tx
      .select({ id: portalSlugHistory.id })
      .from(portalSlugHistory)
      .where(eq(portalSlugHistory.slug, slug));
    return old !== undefined;
  });
  return taken ? { available: false, reason: "taken" } : { available: true, reason: null };
}

/** The live check of the sign-up form (and of "Add an organisation"): closed with sign-up. */
export function checkSignupSlug(db: Db, config: Config, slug: string): Promise<SlugCheckResponse> {
  assertSignupOpen(config);
  return checkSlug(db, slug);
}

async function slugProblem(db: Db, slug: string): Promise<[ErrorCode, FieldError] | null> {
  const { reason } = await checkSlug(db, slug);
  if (reason === "reserved")
    return ["SLUG_RESERVED", { field: "body.slug", message: "reserved", code: "slug_reserved" }];
  if (reason === "taken")
    return ["SLUG_TAKEN", { field: "body.slug", message: "already in use", code: "slug_taken" }];
  return null;
}

async function emailProblem(db: Db, email: string): Promise<[ErrorCode, FieldError] | null> {
  const [user] = await withSystem(db, (tx) =>
    tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())),
  );
  return user
    ? [
        "SIGNUP_EMAIL_HAS_ACCOUNT",
        { field: "body.email", message: "already has an account", code: "email_has_account" },
      ]
    : null;
}

function passwordProblem(password: string): [ErrorCode, FieldError] | null {
  try {
    checkNewPassword(password, "body.password");
    return null;
  } catch (err) {
    if (err instanceof AppError && err.fields[0]) return [err.code, err.fields[0]];
    throw err;
  }
}

/** Every field problem at once, so the form shows them together; the problem's code is the first one's. */
function throwProblems(problems: ([ErrorCode, FieldError] | null)[]): void {
  const found = problems.filter((p) => p !== null);
  const [first] = found;
  if (first)
    throw new AppError(
      first[0],
      found.map(([, field]) => field),
    );
}

function newOrganisation(body: NewOrganisationBody, owner: NewOwner) {
  return {
    name: body.organisationName,
    slug: body.slug,
    country: body.country,
    baseCurrency: body.currency,
    language: body.language,
    timeZone: body.timeZone,
    owner,
  };
}

/**
 * Public sign-up (A1): a new organisation whose owner is a new person, signed in at once. An email that
 * already has an account is refused: a person is never given an organisation without their password
 * (they sign in and add it from the header instead).
 */
export async function signUp(
  db: Db,
  config: Config,
  body: SignupBody,
  origin: Origin,
): Promise<{ token: string; principal: StaffPrincipal }> {
  assertSignupOpen(config);
  throwProblems([
    await slugProblem(db, body.slug),
    await emailProblem(db, body.email),
    passwordProblem(body.password),
  ]);
  const { orgId, userId } = await createOrganisation(db, {
    ...newOrganisation(body, { email: body.email, name: body.name, password: body.password }),
    existingOwner: "refuse",
  });
  return startStaffSession(db, { userId, orgId, role: "owner", ...origin });
}

/**
 * A signed-in person adds an organisation they own; the session moves to it (a new session, this one
 * ended), like a switch.
 */
export async function addOrganisation(
  db: Db,
  config: Config,
  principal: StaffPrincipal,
  body: NewOrganisationBody,
  origin: Origin,
): Promise<{ token: string; principal: StaffPrincipal }> {
  assertSignupOpen(config);
  throwProblems([await slugProblem(db, body.slug)]);
  const { orgId } = await createOrganisation(db, newOrganisation(body, { userId: principal.userId }));
  return switchStaffOrganisation(db, principal, orgId, origin);
}
