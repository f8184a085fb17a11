import { z } from "zod";
import { email, newOrganisationFields, requiredText } from "../../../shared/contracts/index.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { issueSetPasswordLink } from "../auth/staff-passwords.service.js";
import { createOrganisation } from "../organisation/create-organisation.js";

/** What an operator gives `npm run org:create`: the organisation, its owner, and defaults for the rest. */
export const operatorOrganisationInput = z.object({
  ...newOrganisationFields,
  slug: newOrganisationFields.slug.optional(),
  country: newOrganisationFields.country.default("ES"),
  currency: newOrganisationFields.currency.default("EUR"),
  language: newOrganisationFields.language.default("es"),
  timeZone: newOrganisationFields.timeZone.default("Europe/Madrid"),
  ownerEmail: email,
  ownerName: requiredText(200).optional(),
});
export type OperatorOrganisationInput = z.input<typeof operatorOrganisationInput>;

/** A portal address from the organisation's name: lowercase ASCII words joined by hyphens. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug.length >= 3 ? slug : `org-${slug}`.replace(/-$/, "");
}

/**
 * For operators when sign-up is closed (SIGNUP=closed): an organisation and its owner. A new owner gets an
 * unusable password and a one-time link (7 days) to set it on the staff reset page; an owner who already
 * has an account keeps their password and gets no link (they sign in and switch to the new organisation).
 */
export async function createOrganisationByOperator(
  deps: { db: Db; config: Config },
  raw: OperatorOrganisationInput,
): Promise<{ orgId: string; userId: string; slug: string; setPasswordLink: string | null }> {
  const input = operatorOrganisationInput.parse(raw);
  const slug = input.slug ?? slugFromName(input.organisationName);
  const { orgId, userId, ownerIsNew } = await createOrganisation(deps.db, {
    name: input.organisationName,
    slug,
    country: input.country,
    baseCurrency: input.currency,
    language: input.language,
    timeZone: input.timeZone,
    owner: {
      email: input.ownerEmail,
      name: input.ownerName ?? input.ownerEmail.split("@")[0] ?? "",
      password: null,
    },
    existingOwner: "attach",
  });
  const setPasswordLink = ownerIsNew ? await issueSetPasswordLink(deps, userId) : null;
  return { orgId, userId, slug, setPasswordLink };
}
