import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { memberships, numberSeries, organisations, users } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { hashPassword } from "../../http/passwords.js";
import { insertTax } from "../taxes/taxes.service.js";

export interface NewOrganisation {
  name: string;
  slug: string;
  language?: "es" | "en";
  baseCurrency?: string;
  timeZone?: string;
  country?: string;
  owner: { email: string; name: string; password: string };
}

/**
 * A new tenant with what it needs to invoice at once: its owner, the default invoice, quote and sales order series and the
 * Spanish tax rates (VAT 21 % as default, 10, 4, 0 and the IRPF −15 % withholding).
 */
export async function createOrganisation(
  db: Db,
  input: NewOrganisation,
): Promise<{ orgId: string; userId: string }> {
  const passwordHash = await hashPassword(input.owner.password);
  let created: { orgId: string; userId: string };
  try {
    created = await withSystem(db, async (tx) => {
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
      const email = input.owner.email.toLowerCase();
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      const userId =
        existing?.id ??
        (
          await tx
            .insert(users)
            .values({ email, name: input.owner.name, passwordHash })
            .returning({ id: users.id })
        )[0]?.id;
      if (!userId) throw new AppError("INTERNAL");
      await tx.insert(memberships).values({ orgId: org.id, userId, role: "owner" });
      return { orgId: org.id, userId };
    });
  } catch (err) {
    if (isUniqueViolation(err, "organisations_portal_slug_key")) throw new AppError("SLUG_TAKEN");
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
