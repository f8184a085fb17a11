import { z } from "zod";
import { currencyCode, email, language, optionalText, requiredText, searchQuery, uuid } from "./common.js";
import { currencyFilter, listPage, listQuery, totalsQuery } from "./list-page.js";

export const contactInput = z.object({
  name: requiredText(200),
  email: email
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  phone: optionalText(50),
  isPrimary: z.boolean().default(false),
  language: language.nullish().transform((v) => v ?? null),
});
export type ContactInput = z.input<typeof contactInput>;

/**
 * Editing a contact: every field is replaced; `isPrimary` omitted keeps it as it is. Making a contact
 * primary makes the others not; the primary cannot be un-marked (CONTACT_PRIMARY_REQUIRED). A new email
 * re-confirms portal access (see updateContact).
 */
export const updateContactBody = contactInput.extend({ isPrimary: z.boolean().optional() });
export type UpdateContactBody = z.input<typeof updateContactBody>;

export const contact = z.object({
  id: uuid,
  customerId: uuid,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isPrimary: z.boolean(),
  language: language.nullable(),
  portalEnabled: z.boolean(),
});
export type Contact = z.infer<typeof contact>;

/** A DIR3 unit code (e.g. L01281065, EA0008793): letters and digits, at most 10. */
const dir3Code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{0,10}$/, "letters and digits, at most 10")
  .nullish()
  .transform((v) => v || null);

export const customerFields = {
  kind: z.enum(["company", "individual"]).default("company"),
  name: requiredText(200),
  legalName: optionalText(200),
  taxId: optionalText(50),
  email: email
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  phone: optionalText(50),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  region: optionalText(100),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "use a 2-letter country code")
    .nullish()
    .transform((v) => v ?? null),
  currency: currencyCode.optional(),
  language: language.nullish().transform((v) => v ?? null),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  mayPayByBank: z.boolean().default(false),
  /** No payment reminders to this customer's contacts (issue 15 §3). */
  remindersOptOut: z.boolean().default(false),
  notes: optionalText(5000),
  /** DIR3 codes of a public administration (Facturae's administrative centres; issue 17 §3). */
  dir3AccountingOffice: dir3Code,
  dir3ManagingBody: dir3Code,
  dir3ProcessingUnit: dir3Code,
};

export const createCustomerBody = z.object({
  ...customerFields,
  contacts: z.array(contactInput).max(50).default([]),
});
export type CreateCustomerBody = z.input<typeof createCustomerBody>;
export const updateCustomerBody = z.object(customerFields);

/** The customer's name, tax id, email, phone and address as they read: on its record and in My details. */
export const customerAccountFields = {
  name: z.string(),
  legalName: z.string().nullable(),
  taxId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
};

export const customer = z.object({
  id: uuid,
  kind: z.enum(["company", "individual"]),
  ...customerAccountFields,
  currency: z.string(),
  language: language.nullable(),
  paymentTermsDays: z.number().int(),
  mayPayByBank: z.boolean(),
  remindersOptOut: z.boolean(),
  notes: z.string().nullable(),
  dir3AccountingOffice: z.string().nullable(),
  dir3ManagingBody: z.string().nullable(),
  dir3ProcessingUnit: z.string().nullable(),
  /** Set while the customer is archived (soft-deleted, A3): out of lists and pickers, restorable. */
  archivedAt: z.iso.datetime().nullable(),
  contacts: z.array(contact),
});
export type Customer = z.infer<typeof customer>;

export const customerSummary = customer
  .pick({ id: true, kind: true, name: true, taxId: true, email: true, currency: true, archivedAt: true })
  .extend({
    contactCount: z.number().int(),
  });
export type CustomerSummary = z.infer<typeof customerSummary>;
/** `archived`: "false" (the default) lists live customers, "true" only archived ones, "all" both. */
export const customerListSort = z.enum(["name", "created"]);
export const customerListFilters = {
  q: searchQuery,
  archived: z.enum(["false", "true", "all"]).default("false"),
  currency: currencyFilter,
};
export const customerListQuery = listQuery(customerListFilters, customerListSort, "asc");
export type CustomerListQuery = z.input<typeof customerListQuery>;
export const customerTotalsQuery = totalsQuery(customerListFilters);
export type CustomerTotalsQuery = z.output<typeof customerTotalsQuery>;
export const customerPage = listPage(customerSummary);
export type CustomerPage = z.infer<typeof customerPage>;
