import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { memberships, numberSeries, organisations, portalSlugHistory, users } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { hashPassword } from "../../http/passwords.js";
import { insertTax } from "../taxes/taxes.service.js";

/**
 * Who owns the new organisation: a person by email (created when unknown; `password: null` gives an
 * unusable one, to be set through a link), or a person already signed in.
 */
export type NewOwner = { email: string; name: string; password: string | null } | { userId: string };

export interface NewOrganisation {
  name: string;
  slug: string;
  language?: "es" | "en";
  baseCurrency?: string;
  timeZone?: string;
  country?: string;
  owner: NewOwner;
  /**
   * An owner email that already has an account: "attach" makes that person the owner (the seed, an
   * operator); "refuse" answers SIGNUP_EMAIL_HAS_ACCOUNT (public sign-up: never without their password).
   */
  existingOwner?: "attach" | "refuse";
}

const EMAIL_HAS_ACCOUNT = () =>
  new AppError("SIGNUP_EMAIL_HAS_ACCOUNT", [
    { field: "body.email", message: "already has an account", code: "email_has_account" },
  ]);
const SLUG_TAKEN = () =>
  new AppError("SLUG_TAKEN", [{ field: "body.slug", message: "already in use", code: "slug_taken" }]);

/** The owner's user id, and whether this call created the person. */
async function resolveOwner(
  tx: Tx,
  input: NewOrganisation,
  passwordHash: string | null,
): Promise<{ userId: string; ownerIsNew: boolean }> {
  const owner = input.owner;
  if ("userId" in owner) return { userId: owner.userId, ownerIsNew: false };
  const email = owner.email.toLowerCase();
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    if (input.existingOwner === "refuse") throw EMAIL_HAS_ACCOUNT();
    return { userId: existing.id, ownerIsNew: false };
  }
  const [user] = await tx
    .insert(users)
    .values({ email, name: owner.name, passwordHash: passwordHash ?? "" })
    .returning({ id: users.id });
  if (!user) throw new AppError("INTERNAL");
  return { userId: user.id, ownerIsNew: true };
}

/**
 * A new tenant with what it needs to invoice at once: its owner, the default invoice, quote and sales order series and the
 * Spanish tax rates (VAT 21 % as default, 10, 4, 0 and the IRPF −15 % withholding). A slug another
 * organisation used before is taken too (its old links redirect there).
 */
export async function createOrganisation(
  db: Db,
  input: NewOrganisation,
): Promise<{ orgId: string; userId: string; ownerIsNew: boolean }> {
  const passwordHash =
    "password" in input.owner
      ? // No password yet: the hash of 256 random bits nobody knows, so sign-in costs the same and fails.
        await hashPassword(input.owner.password ?? randomBytes(32).toString("base64url"))
      : null;
  let created: { orgId: string; userId: string; ownerIsNew: boolean };
  try {
    created = await withSystem(db, async (tx) => {
      const [used] = await tx
        .select({ id: portalSlugHistory.id })
        .from(portalSlugHistory)
        .where(eq(portalSlugHistory.slug, input.slug));
      if (used) throw SLUG_TAKEN();
      const [org] = await tx
        .insert(organisations)
        .values({
          name: input.name,
          portalSlug: input.slug,
          language: input.language ?? "es",
          baseCurrency: input.baseCurrency ?? "EUR",
          timeZone: input.timeZone ?? "Europe/Madrid",
          country: input.country ?? "ES",
        })
        .returning({ id: organisations.id });
      if (!org) throw new AppError("INTERNAL");
      const owner = await resolveOwner(tx, input, passwordHash);
      await tx.insert(memberships).values({ orgId: org.id, userId: owner.userId, role: "owner" });
      return { orgId: org.id, ...owner };
    });
  } catch (err) {
    if (isUniqueViolation(err, "organisations_portal_slug_key")) throw SLUG_TAKEN();
    if (isUniqueViolation(err, "users_email_key") && input.existingOwner === "refuse")
      throw EMAIL_HAS_ACCOUNT();
    throw err;
  }
  await withOrg(db, created.orgId, async (tx) => {
    await tx.insert(numberSeries).values({
      orgId: created.orgId,
      documentType: "invoice",
      name: "Facturas",
      prefix: "F",
      isDefault: true,
    });
    await tx.insert(numberSeries).values({
      orgId: created.orgId,
      documentType: "quote",
      name: (input.language ?? "es") === "es" ? "Presupuestos" : "Quotes",
      prefix: "P",
      isDefault: true,
    });
    await tx.insert(numberSeries).values({
      orgId: created.orgId,
      documentType: "sales_order",
      name: (input.language ?? "es") === "es" ? "Pedidos de venta" : "Sales orders",
      prefix: "PV",
      isDefault: true,
    });
    const es = (input.language ?? "es") === "es";
    const moneySeries = [
      ["credit_note", es ? "Facturas rectificativas" : "Credit notes", "R"],
      ["retainer", es ? "Facturas de anticipo" : "Retainer invoices", "AN"],
      ["receipt", es ? "Recibos" : "Receipts", "RC"],
    ] as const;
    for (const [documentType, name, prefix] of moneySeries)
      await tx
        .insert(numberSeries)
        .values({ orgId: created.orgId, documentType, name, prefix, isDefault: true });
    const rates: [string, number, boolean][] = [
      [es ? "IVA 21 %" : "VAT 21 %", 2100, true],
      [es ? "IVA 10 %" : "VAT 10 %", 1000, false],
      [es ? "IVA 4 %" : "VAT 4 %", 400, false],
      [es ? "IVA 0 %" : "VAT 0 %", 0, false],
      [es ? "IRPF −15 %" : "Withholding −15 %", -1500, false],
    ];
    for (const [name, rateBp, isDefault] of rates)
      await insertTax(tx, created.orgId, { name, rateBp, isDefault });
  });
  return created;
}
