import { and, eq, ne } from "drizzle-orm";
import type {
  OrganisationProfile,
  PortalSettings,
  PortalSettingsResponse,
} from "../../../shared/contracts/index.js";
import { isValidSpanishTaxId } from "../../../shared/spanish-tax-id.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { organisations, portalSlugHistory } from "../../db/schema/index.js";
import { loadOncePerRequest, rememberForRequest, withOrg, withSystem } from "../../db/scope.js";
import { tableRowOf } from "../../db/table-row.js";
import { AppError, type FieldError } from "../../errors/errors.js";
import { notificationPrefsOf, portalOptionsOf } from "./portal-policy.js";

export type OrganisationRow = typeof organisations.$inferSelect;

export const logoUrlOf = (org: Pick<OrganisationRow, "logoMime" | "portalSlug" | "updatedAt">) =>
  org.logoMime ? `/api/portal/${org.portalSlug}/logo?v=${org.updatedAt.getTime()}` : null;

export function toProfile(org: OrganisationRow): OrganisationProfile {
  const {
    logo: _logo,
    logoMime: _mime,
    portalEnabled: _e,
    portalSlug: _s,
    deliveryMode: _d,
    portalOptions: _po,
    notificationPrefs: _np,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = org;
  return { ...rest, language: org.language as "es" | "en", logoUrl: logoUrlOf(org) };
}

/** The organisation of the current scope; any tenant-scoped transaction can read its own. */
export async function loadOrganisation(tx: Tx, orgId: string): Promise<OrganisationRow> {
  const org = await findOrganisation(tx, orgId);
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

/** The organisation's row, or undefined; a read request's sign-in check already loaded it (decision 031). */
export function findOrganisation(tx: Tx, orgId: string): Promise<OrganisationRow | undefined> {
  return loadOncePerRequest(tx, organisationKey(orgId), async () => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
    return org;
  });
}

/** The organisation's row as a request's sign-in check loaded it, so `loadOrganisation` needs no query. */
export function rememberOrganisation(tx: Tx, raw: Record<string, unknown>): OrganisationRow {
  const org = tableRowOf(organisations, raw);
  rememberForRequest(tx, organisationKey(org.id), org);
  return org;
}

const organisationKey = (orgId: string) => `organisation:${orgId}`;

export function getOrganisation(db: Db, orgId: string): Promise<OrganisationProfile> {
  return withOrg(db, orgId, async (tx) => toProfile(await loadOrganisation(tx, orgId)));
}

export function updateOrganisation(
  db: Db,
  orgId: string,
  input: Omit<OrganisationProfile, "id" | "logoUrl">,
): Promise<OrganisationProfile> {
  return withOrg(db, orgId, async (tx) => {
    await keepVerifactuIssuer(tx, orgId, input);
    const [org] = await tx
      .update(organisations)
      .set({ ...input, updatedAt: clock.now() })
      .where(eq(organisations.id, orgId))
      .returning();
    if (!org) throw new AppError("NOT_FOUND");
    return toProfile(org);
  });
}

/**
 * In VERI*FACTU mode (decision 049) the profile keeps what the mode needs: a valid Spanish NIF and the
 * country ES. Turn the mode off first to change them otherwise (issuing would be refused anyway).
 */
async function keepVerifactuIssuer(tx: Tx, orgId: string, input: { taxId: string | null; country: string }) {
  const [current] = await tx
    .select({ enabled: organisations.verifactuEnabled })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!current?.enabled) return;
  const problems: FieldError[] = [];
  if (!input.taxId?.trim())
    problems.push({ field: "body.taxId", message: "VERI*FACTU mode needs the NIF", code: "required" });
  else if (!isValidSpanishTaxId(input.taxId))
    problems.push({
      field: "body.taxId",
      message: "not a valid Spanish NIF, NIE or CIF",
      code: "nif_invalid",
    });
  if (input.country !== "ES")
    problems.push({
      field: "body.country",
      message: "VERI*FACTU mode is for Spain",
      code: "country_not_spain",
    });
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems);
}

/** The owner's switch: every member must sign in with a second factor (decision 022; requireStaff). */
export function setRequireTwoFactor(
  db: Db,
  orgId: string,
  required: boolean,
): Promise<{ required: boolean }> {
  return withOrg(db, orgId, async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set({ requireTwoFactor: required, updatedAt: clock.now() })
      .where(eq(organisations.id, orgId))
      .returning({ required: organisations.requireTwoFactor });
    if (!org) throw new AppError("NOT_FOUND");
    return org;
  });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** Checks the bytes, not only the declared type: the logo is embedded in PDFs and served to portals. */
export function setLogo(db: Db, orgId: string, data: Buffer | null): Promise<{ logoUrl: string | null }> {
  let mime: string | null = null;
  if (data) {
    if (data.length > 1024 * 1024)
      throw new AppError("VALIDATION_FAILED", [
        { field: "body", message: "at most 1 MB", code: "file_too_large", params: { maximumMb: 1 } },
      ]);
    if (data.subarray(0, 4).equals(PNG)) mime = "image/png";
    else if (data.subarray(0, 3).equals(JPEG)) mime = "image/jpeg";
    else
      throw new AppError("VALIDATION_FAILED", [
        { field: "body", message: "use a PNG or JPEG image", code: "unsupported_image" },
      ]);
  }
  return withOrg(db, orgId, async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set({ logo: data, logoMime: mime, updatedAt: clock.now() })
      .where(eq(organisations.id, orgId))
      .returning();
    if (!org) throw new AppError("NOT_FOUND");
    return { logoUrl: logoUrlOf(org) };
  });
}

export const portalUrlOf = (config: Config, slug: string) => `${config.publicUrl}/p/${slug}`;

export async function getPortalSettings(
  db: Db,
  config: Config,
  orgId: string,
): Promise<PortalSettingsResponse> {
  const org = await withOrg(db, orgId, (tx) => loadOrganisation(tx, orgId));
  return {
    portalEnabled: org.portalEnabled,
    portalSlug: org.portalSlug,
    deliveryMode: org.deliveryMode,
    portalUrl: portalUrlOf(config, org.portalSlug),
    options: portalOptionsOf(org),
    notificationPrefs: notificationPrefsOf(org),
  };
}

/**
 * C1–C5. A changed slug keeps old links working (docs/decisions/004-portal-slug-changes.md): the old
 * slug goes to portal_slug_history, reserved for this organisation, and its addresses redirect. A new
 * slug equal to another organisation's current or old one is taken; the organisation may take back one
 * of its own old slugs.
 */
export async function updatePortalSettings(db: Db, config: Config, orgId: string, input: PortalSettings) {
  const { options, notificationPrefs, ...base } = input;
  if (await slugReservedElsewhere(db, orgId, base.portalSlug))
    throw new AppError("SLUG_TAKEN", [
      { field: "body.portalSlug", message: "already in use", code: "slug_taken" },
    ]);
  try {
    await withOrg(db, orgId, async (tx) => {
      const org = await loadOrganisation(tx, orgId);
      if (org.portalSlug !== base.portalSlug) {
        await tx
          .delete(portalSlugHistory)
          .where(and(eq(portalSlugHistory.orgId, orgId), eq(portalSlugHistory.slug, base.portalSlug)));
        await tx.insert(portalSlugHistory).values({ orgId, slug: org.portalSlug }).onConflictDoNothing();
      }
      await tx
        .update(organisations)
        .set({
          ...base,
          // Stored partially (only known keys); an option added later takes its default.
          portalOptions: { ...portalOptionsOf(org), ...options },
          notificationPrefs: { ...notificationPrefsOf(org), ...notificationPrefs },
          updatedAt: clock.now(),
        })
        .where(eq(organisations.id, orgId));
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("SLUG_TAKEN", [
        { field: "body.portalSlug", message: "already in use", code: "slug_taken" },
      ]);
    throw err;
  }
  return getPortalSettings(db, config, orgId);
}

/**
 * Another organisation's old slug stays reserved for it (its customers' old links redirect there). Read
 * in the system scope, since staff see only their own history; two organisations racing for the same
 * freed slug are rare, and then the current owner wins (resolveMovedSlug ignores a slug in use).
 */
function slugReservedElsewhere(db: Db, orgId: string, slug: string): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .select({ id: portalSlugHistory.id })
      .from(portalSlugHistory)
      .where(and(eq(portalSlugHistory.slug, slug), ne(portalSlugHistory.orgId, orgId)));
    return row !== undefined;
  });
}
