import { eq } from "drizzle-orm";
import type { OrganisationProfile, PortalSettings } from "../../../shared/contracts/index.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../http/errors.js";

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
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = org;
  return { ...rest, language: org.language as "es" | "en", logoUrl: logoUrlOf(org) };
}

/** The organisation of the current scope; any tenant-scoped transaction can read its own. */
export async function loadOrganisation(tx: Tx, orgId: string): Promise<OrganisationRow> {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

export function getOrganisation(db: Db, orgId: string): Promise<OrganisationProfile> {
  return withOrg(db, orgId, async (tx) => toProfile(await loadOrganisation(tx, orgId)));
}

export function updateOrganisation(
  db: Db,
  orgId: string,
  input: Omit<OrganisationProfile, "id" | "logoUrl">,
): Promise<OrganisationProfile> {
  return withOrg(db, orgId, async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(organisations.id, orgId))
      .returning();
    if (!org) throw new AppError("NOT_FOUND");
    return toProfile(org);
  });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** Checks the bytes, not only the declared type: the logo is embedded in PDFs and served to portals. */
export function setLogo(db: Db, orgId: string, data: Buffer | null): Promise<{ logoUrl: string | null }> {
  let mime: string | null = null;
  if (data) {
    if (data.length > 1024 * 1024)
      throw new AppError("VALIDATION_FAILED", [{ field: "body", message: "at most 1 MB" }]);
    if (data.subarray(0, 4).equals(PNG)) mime = "image/png";
    else if (data.subarray(0, 3).equals(JPEG)) mime = "image/jpeg";
    else throw new AppError("VALIDATION_FAILED", [{ field: "body", message: "use a PNG or JPEG image" }]);
  }
  return withOrg(db, orgId, async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set({ logo: data, logoMime: mime, updatedAt: new Date() })
      .where(eq(organisations.id, orgId))
      .returning();
    if (!org) throw new AppError("NOT_FOUND");
    return { logoUrl: logoUrlOf(org) };
  });
}

export const portalUrlOf = (config: Config, slug: string) => `${config.publicUrl}/p/${slug}`;

export async function getPortalSettings(db: Db, config: Config, orgId: string) {
  const org = await withOrg(db, orgId, (tx) => loadOrganisation(tx, orgId));
  return {
    portalEnabled: org.portalEnabled,
    portalSlug: org.portalSlug,
    deliveryMode: org.deliveryMode,
    portalUrl: portalUrlOf(config, org.portalSlug),
  };
}

/** A changed slug makes old links answer "not found"; see docs/decisions/004-portal-slug-changes.md. */
export async function updatePortalSettings(db: Db, config: Config, orgId: string, input: PortalSettings) {
  try {
    await withOrg(db, orgId, (tx) =>
      tx
        .update(organisations)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(organisations.id, orgId)),
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("SLUG_TAKEN", [{ field: "body.portalSlug", message: "already in use" }]);
    throw err;
  }
  return getPortalSettings(db, config, orgId);
}
