import { and, desc, eq, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import * as clock from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { contacts, invoices, organisations } from "./db/schema/index.js";
import { withOrg, withSystem } from "./db/scope.js";
import type { Mailer } from "./email/mailer.js";
import { hashPassword } from "./http/passwords.js";
import { createCustomer } from "./modules/customers/customers.service.js";
import { createDocumentLink } from "./modules/documents/document-links.service.js";
import { createDraft, issueInvoice } from "./modules/invoices/invoices.service.js";
import { createOrganisation } from "./modules/organisation/create-organisation.js";
import { updateOrganisation } from "./modules/organisation/organisation.service.js";
import { seedDemoProject } from "./modules/projects/demo-seed.js";
import { acceptPortalQuote, getPortalQuote } from "./modules/quotes/quotes.portal.service.js";
import { createQuoteDraft, markSentInTx } from "./modules/quotes/quotes.service.js";
import {
  confirmSalesOrder,
  createSalesOrderDraft,
  invoiceSalesOrder,
} from "./modules/sales-orders/sales-orders.service.js";
import { seedDemoMoney } from "./seed-money.js";

export const DEMO = {
  email: "demo@portico.local",
  password: "portico-demo-2026",
  slug: "estudio-nube",
  /** The primary contact's portal password (D5), printed at start-up with the portal's sign-in page. */
  contactEmail: "laura@acme.example",
  contactPassword: "acme-portal-demo-2026",
};

/** Seeds the demo organisation on the first start of an empty database (G1); returns a portal link. */
export async function seedDemoIfEmpty(
  db: Db,
  config: Config,
  mailer: Mailer,
): Promise<{ seeded: boolean; portalLink: string | null }> {
  const [row] = await withSystem(db, (tx) =>
    tx.select({ n: sql<number>`count(*)::int` }).from(organisations),
  );
  if ((row?.n ?? 0) > 0) return { seeded: false, portalLink: null };

  const { orgId, userId } = await createOrganisation(db, {
    name: "Estudio Nube",
    slug: DEMO.slug,
    owner: { email: DEMO.email, name: "Marta Demo", password: DEMO.password },
  });
  // The demo's invoices offer the sandbox gateway (issue 9: a new organisation enables none).
  await withOrg(db, orgId, (tx) =>
    tx
      .update(organisations)
      .set({ enabledGateways: ["sandbox"] })
      .where(eq(organisations.id, orgId)),
  );
  await updateOrganisation(db, orgId, {
    name: "Estudio Nube",
    legalName: "Estudio Nube Diseño, S.L.",
    taxId: "B12345678",
    addressLine1: "Calle de la Peña, 12",
    addressLine2: null,
    city: "Madrid",
    postalCode: "28004",
    region: "Madrid",
    country: "ES",
    phone: "+34 910 000 000",
    mobile: null,
    email: "hola@estudionube.example",
    website: "https://estudionube.example",
    socialLinks: [],
    brandColor: "#1c7ed6",
    baseCurrency: "EUR",
    language: "es",
    timeZone: "Europe/Madrid",
    iban: "ES9121000418450200051332",
    bic: "CAIXESBBXXX",
  });
  const customer = await createCustomer(db, orgId, {
    kind: "company",
    name: "Acme Ibérica",
    legalName: "Acme Ibérica, S.A.",
    taxId: "A87654321",
    email: "facturas@acme.example",
    phone: null,
    addressLine1: "Avenida Diagonal, 100",
    addressLine2: null,
    city: "Barcelona",
    postalCode: "08019",
    region: "Barcelona",
    country: "ES",
    currency: "EUR",
    language: "es",
    paymentTermsDays: 30,
    mayPayByBank: true,
    remindersOptOut: false,
    notes: null,
    dir3AccountingOffice: null,
    dir3ManagingBody: null,
    dir3ProcessingUnit: null,
    contacts: [
      {
        name: "Laura Gómez",
        email: "laura@acme.example",
        phone: "+34 600 000 001",
        isPrimary: true,
        language: "es",
      },
      { name: "Peter Smith", email: "peter@acme.example", phone: null, isPrimary: false, language: "en" },
    ],
  });
  const lines = [
    [
      {
        description: "Diseño de identidad corporativa",
        quantityMilli: 1000,
        unitPriceMinor: 120000,
        discountBp: 0,
      },
    ],
    [
      {
        description: "Mantenimiento web — noviembre",
        quantityMilli: 1000,
        unitPriceMinor: 35000,
        discountBp: 0,
      },
      { description: "Soporte técnico (horas)", quantityMilli: 3500, unitPriceMinor: 4500, discountBp: 1000 },
    ],
    [
      {
        description: "Sesión de fotografía de producto",
        quantityMilli: 2000,
        unitPriceMinor: 27500,
        discountBp: 500,
      },
    ],
  ];
  const invoiceIds: string[] = [];
  for (const [i, invoiceLines] of lines.entries()) {
    const draft = await createDraft(db, orgId, {
      customerId: customer.id,
      kind: "invoice",
      // The first may be paid in parts (A5): the demo paid some of it by transfer.
      allowPartialPayments: i === 0,
      notes: "Gracias por confiar en nosotros.",
      terms: null,
      lines: invoiceLines,
    });
    invoiceIds.push((await issueInvoice(db, orgId, draft.id)).id);
  }
  await seedDemoMoney(db, { orgId, userId, customerId: customer.id, invoiceIds });
  await seedDemoQuotes(db, { mailer, config }, orgId, customer.id);
  await seedDemoSalesOrder(db, orgId, customer.id);
  await seedDemoProject(db, orgId, userId, customer.id);
  const passwordHash = await hashPassword(DEMO.contactPassword);
  await withOrg(db, orgId, (tx) =>
    tx
      .update(contacts)
      .set({ passwordHash, passwordChangedAt: clock.now() })
      .where(eq(contacts.email, DEMO.contactEmail)),
  );
  return { seeded: true, portalLink: await demoPortalLink(db, config) };
}

/**
 * Two quotes for Acme (A6, E4): one sent and waiting for a drawn signature, one accepted by the primary
 * contact through the portal's own services, so its evidence and certificate are real.
 */
async function seedDemoQuotes(
  db: Db,
  mail: { mailer: Mailer; config: Config },
  orgId: string,
  customerId: string,
) {
  const send = (quoteId: string) => withOrg(db, orgId, (tx) => markSentInTx(tx, orgId, quoteId));
  const open = await createQuoteDraft(db, orgId, {
    customerId,
    notes: "Incluye dos rondas de cambios.",
    terms: "50 % al aceptar, 50 % a la entrega.",
    requireSignature: true,
    lines: [
      {
        description: "Rediseño de la tienda online",
        quantityMilli: 1000,
        unitPriceMinor: 280000,
        discountBp: 0,
      },
      {
        description: "Migración de catálogo (horas)",
        quantityMilli: 12000,
        unitPriceMinor: 4500,
        discountBp: 0,
      },
    ],
  });
  await send(open.id);
  const accepted = await createQuoteDraft(db, orgId, {
    customerId,
    notes: null,
    terms: null,
    requireSignature: false,
    lines: [
      {
        description: "Campaña en redes sociales — primer trimestre",
        quantityMilli: 3000,
        unitPriceMinor: 60000,
        discountBp: 500,
      },
    ],
  });
  await send(accepted.id);
  const [laura] = await withOrg(db, orgId, (tx) =>
    tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, DEMO.contactEmail)),
  );
  if (!laura) return;
  const principal = { sessionId: "demo-seed", orgId, customerId, contactId: laura.id, preview: false };
  const origin = { ip: "127.0.0.1", userAgent: "Portico demo seed" };
  const shown = await getPortalQuote(db, mail, principal, accepted.id, origin);
  await acceptPortalQuote(
    db,
    mail,
    principal,
    accepted.id,
    { signerName: "Laura Gómez", documentHash: shown.documentHash },
    origin,
  );
}

/** A confirmed sales order for Acme (A7, E5), half of whose chairs are invoiced already. */
async function seedDemoSalesOrder(db: Db, orgId: string, customerId: string): Promise<void> {
  const draft = await createSalesOrderDraft(db, orgId, {
    customerId,
    reference: "PO-ACME-118",
    notes: "Entrega en dos fases.",
    terms: null,
    lines: [
      {
        description: "Sillas de oficina ergonómicas",
        quantityMilli: 10_000,
        unitPriceMinor: 18_500,
        discountBp: 0,
      },
      { description: "Montaje e instalación", quantityMilli: 1000, unitPriceMinor: 24_000, discountBp: 0 },
    ],
  });
  const order = await confirmSalesOrder(db, orgId, draft.id);
  const chairs = order.lines[0];
  if (!chairs) return;
  const { invoiceId } = await invoiceSalesOrder(db, orgId, order.id, {
    lines: [{ salesOrderLineId: chairs.id, quantityMilli: 5000 }],
  });
  await issueInvoice(db, orgId, invoiceId);
}

/** A fresh link for the demo's primary contact to its latest invoice, printed on the start that seeded the demo. */
export async function demoPortalLink(db: Db, config: Config): Promise<string | null> {
  const [org] = await withSystem(db, (tx) =>
    tx
      .select({ id: organisations.id, slug: organisations.portalSlug })
      .from(organisations)
      .where(eq(organisations.portalSlug, DEMO.slug)),
  );
  if (!org) return null;
  return withOrg(db, org.id, async (tx) => {
    const [row] = await tx
      .select({ contactId: contacts.id, customerId: contacts.customerId, invoiceId: invoices.id })
      .from(contacts)
      .innerJoin(invoices, eq(invoices.customerId, contacts.customerId))
      .where(
        and(
          isNull(contacts.deletedAt),
          eq(contacts.portalEnabled, true),
          isNotNull(contacts.email),
          notInArray(invoices.status, ["draft", "void"]),
        ),
      )
      .orderBy(desc(contacts.isPrimary), desc(invoices.createdAt))
      .limit(1);
    if (!row) return null;
    return createDocumentLink(tx, config, {
      orgId: org.id,
      customerId: row.customerId,
      contactId: row.contactId,
      documentType: "invoice",
      documentId: row.invoiceId,
      slug: org.slug,
    });
  });
}
