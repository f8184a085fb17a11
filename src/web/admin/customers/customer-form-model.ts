import type { TFunction } from "i18next";
import type { ContactInput, CreateCustomerBody, Customer } from "../../../shared/contracts/index.js";
import type { UpdateCustomerBody } from "./customers-api.js";

export interface ContactFormValues {
  name: string;
  email: string;
  phone: string;
  isPrimary: boolean;
}

export interface CustomerFormValues {
  kind: "company" | "individual";
  name: string;
  legalName: string;
  taxId: string;
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  currency: string;
  language: "" | "es" | "en";
  paymentTermsDays: number | string;
  mayPayByBank: boolean;
  remindersOptOut: boolean;
  notes: string;
  /** DIR3 codes of a public administration (Facturae, issue 17 §3). */
  dir3AccountingOffice: string;
  dir3ManagingBody: string;
  dir3ProcessingUnit: string;
  /** Only used when creating: the contacts sent along with the new customer. */
  contacts: ContactFormValues[];
}

export const emptyContact = (isPrimary = false): ContactFormValues => ({
  name: "",
  email: "",
  phone: "",
  isPrimary,
});

export function emptyCustomerValues(currency: string): CustomerFormValues {
  return {
    kind: "company",
    name: "",
    legalName: "",
    taxId: "",
    email: "",
    phone: "",
    addressLine1: "",
    addressLine2: "",
    city: "",
    postalCode: "",
    region: "",
    country: "",
    currency,
    language: "",
    paymentTermsDays: 30,
    mayPayByBank: false,
    remindersOptOut: false,
    notes: "",
    dir3AccountingOffice: "",
    dir3ManagingBody: "",
    dir3ProcessingUnit: "",
    contacts: [],
  };
}

export function customerToValues(c: Customer): CustomerFormValues {
  return {
    kind: c.kind,
    name: c.name,
    legalName: c.legalName ?? "",
    taxId: c.taxId ?? "",
    email: c.email ?? "",
    phone: c.phone ?? "",
    addressLine1: c.addressLine1 ?? "",
    addressLine2: c.addressLine2 ?? "",
    city: c.city ?? "",
    postalCode: c.postalCode ?? "",
    region: c.region ?? "",
    country: c.country ?? "",
    currency: c.currency,
    language: c.language ?? "",
    paymentTermsDays: c.paymentTermsDays,
    mayPayByBank: c.mayPayByBank,
    remindersOptOut: c.remindersOptOut,
    notes: c.notes ?? "",
    dir3AccountingOffice: c.dir3AccountingOffice ?? "",
    dir3ManagingBody: c.dir3ManagingBody ?? "",
    dir3ProcessingUnit: c.dir3ProcessingUnit ?? "",
    contacts: [],
  };
}

const orNull = (value: string) => value.trim() || null;

export function valuesToBody(v: CustomerFormValues): UpdateCustomerBody {
  return {
    kind: v.kind,
    name: v.name.trim(),
    legalName: orNull(v.legalName),
    taxId: orNull(v.taxId),
    email: orNull(v.email),
    phone: orNull(v.phone),
    addressLine1: orNull(v.addressLine1),
    addressLine2: orNull(v.addressLine2),
    city: orNull(v.city),
    postalCode: orNull(v.postalCode),
    region: orNull(v.region),
    country: orNull(v.country.toUpperCase()),
    currency: v.currency,
    language: v.language || null,
    paymentTermsDays: Number(v.paymentTermsDays) || 0,
    mayPayByBank: v.mayPayByBank,
    remindersOptOut: v.remindersOptOut,
    notes: orNull(v.notes),
    dir3AccountingOffice: orNull(v.dir3AccountingOffice.toUpperCase()),
    dir3ManagingBody: orNull(v.dir3ManagingBody.toUpperCase()),
    dir3ProcessingUnit: orNull(v.dir3ProcessingUnit.toUpperCase()),
  };
}

export function contactToBody(c: ContactFormValues): ContactInput {
  return { name: c.name.trim(), email: orNull(c.email), phone: orNull(c.phone), isPrimary: c.isPrimary };
}

export function valuesToCreateBody(v: CustomerFormValues): CreateCustomerBody {
  return { ...valuesToBody(v), contacts: v.contacts.map(contactToBody) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactRules(t: TFunction) {
  return {
    name: (value: string) => (value.trim() ? null : t("errors.required")),
    email: (value: string) => (!value.trim() || EMAIL.test(value.trim()) ? null : t("errors.invalidEmail")),
  };
}

export function customerRules(t: TFunction) {
  return {
    name: (value: string) => (value.trim() ? null : t("errors.required")),
    contacts: contactRules(t),
  };
}
