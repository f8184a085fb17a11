import { z } from "zod";
import { email, newOrganisationFields, requiredText, slugFromName } from "../../../shared/contracts/index.js";
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
  const slug = newOrganisationFields.slug.parse(input.slug ?? slugFromName(input.organisationName));
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
