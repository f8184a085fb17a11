import type { ImportMapping } from "../../../shared/contracts/index.js";
import { isSupportedCurrency } from "../../../shared/money/index.js";
import type { Tx } from "../../db/client.js";
import { type CustomerKeys, loadCustomerKeys, normaliseKey } from "../customers/import-customers.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import type { CsvFile } from "./csv-file.js";
import { email, Problems, type RowCells, rowReader, text } from "./rows.js";

export interface CustomerUnit {
  rows: number;
  customer: {
    externalId: string | null;
    name: string;
    legalName: string | null;
    taxId: string | null;
    email: string | null;
    phone: string | null;
    addressLine1: string | null;
    addressLine2: string | null;
    city: string | null;
    postalCode: string | null;
    region: string | null;
    country: string | null;
    currency: string;
    language: string | null;
    paymentTermsDays: number;
    notes: string | null;
  };
  contacts: { name: string; email: string | null; phone: string | null }[];
}

/**
 * Rows of one customer share its key within the file (external id, else tax id, else email, else name):
 * the first row gives the customer's fields, each row may add a contact. A customer already in the
 * organisation (same external id, else tax id, else email, else name) is skipped with its contacts.
 */
export async function planCustomers(tx: Tx, orgId: string, file: CsvFile, mapping: ImportMapping) {
  const org = await loadOrganisation(tx, orgId);
  const keys = await loadCustomerKeys(tx);
  const problems = new Problems();
  const read = rowReader(file.headers, mapping);
  const groups = new Map<string, { unit: CustomerUnit | null; skip: boolean; rows: number }>();
  const emailsInFile = new Map<string, string>();
  for (const [i, cells] of file.rows.entries()) {
    const r = read(cells, i);
    const key = groupKey(r);
    const group = key === null ? undefined : groups.get(key);
    if (group) {
      group.rows++;
      const contact = readContact(problems, r);
      if (contact && group.unit && !group.skip)
        checkContactEmail(problems, r, contact, keys, emailsInFile, key as string);
      if (contact && group.unit) group.unit.contacts.push(contact);
      continue;
    }
    const skip = findExisting(r, keys) !== undefined;
    const unit = readCustomer(problems, r, org.baseCurrency);
    const contact = readContact(problems, r);
    if (unit && contact) {
      if (!skip) checkContactEmail(problems, r, contact, keys, emailsInFile, key ?? `row:${r.row}`);
      unit.contacts.push(contact);
    }
    groups.set(key ?? `row:${r.row}`, { unit, skip, rows: 1 });
  }
  const units: CustomerUnit[] = [];
  let toSkip = 0;
  for (const g of groups.values()) {
    if (g.skip) toSkip++;
    else if (g.unit) units.push({ ...g.unit, rows: g.rows });
  }
  return { problems: problems.list, units, toSkip };
}

function groupKey(r: RowCells): string | null {
  const externalId = r.get("externalId");
  if (externalId) return `id:${externalId}`;
  const taxId = r.get("taxId");
  if (taxId) return `tax:${normaliseKey(taxId)}`;
  const mail = r.get("email");
  if (mail) return `email:${normaliseKey(mail)}`;
  const name = r.get("name");
  return name ? `name:${normaliseKey(name)}` : null;
}

function findExisting(r: RowCells, keys: CustomerKeys) {
  const externalId = r.get("externalId");
  if (externalId) return keys.byExternalId.get(externalId);
  const taxId = r.get("taxId");
  if (taxId) return keys.byTaxId.get(normaliseKey(taxId));
  const mail = r.get("email");
  if (mail) return keys.byEmail.get(normaliseKey(mail));
  return keys.byName.get(normaliseKey(r.get("name")));
}

function readCustomer(problems: Problems, r: RowCells, baseCurrency: string): CustomerUnit | null {
  const before = problems.list.length;
  const name = text(problems, r, "name", 200);
  if (!name && r.get("name") === "") problems.add(r.row, "name", "required");
  const country = r.get("country").toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country))
    problems.add(r.row, "country", "invalid_format", { format: "country" });
  const currency = r.get("currency").toUpperCase() || baseCurrency;
  if (!isSupportedCurrency(currency)) problems.add(r.row, "currency", "unsupported_currency");
  const language = r.get("language").toLowerCase();
  if (language && language !== "es" && language !== "en")
    problems.add(r.row, "language", "invalid_value", { values: "es, en" });
  const terms = r.get("paymentTermsDays");
  const days = terms === "" ? 30 : Number(terms);
  if (!Number.isInteger(days) || days < 0 || days > 365)
    problems.add(r.row, "paymentTermsDays", "too_big", { maximum: 365, origin: "number" });
  const customer = {
    externalId: text(problems, r, "externalId", 100),
    name: name ?? "",
    legalName: text(problems, r, "legalName", 200),
    taxId: text(problems, r, "taxId", 50),
    email: email(problems, r, "email"),
    phone: text(problems, r, "phone", 50),
    addressLine1: text(problems, r, "addressLine1", 200),
    addressLine2: text(problems, r, "addressLine2", 200),
    city: text(problems, r, "city", 100),
    postalCode: text(problems, r, "postalCode", 20),
    region: text(problems, r, "region", 100),
    country: country || null,
    currency,
    language: language || null,
    paymentTermsDays: days,
    notes: text(problems, r, "notes", 5000),
  };
  return problems.list.length > before ? null : { rows: 1, customer, contacts: [] };
}

/** A row's contact: its name (or first and last name), email and phone; none when all are empty. */
function readContact(problems: Problems, r: RowCells) {
  const joined = [r.get("contactFirstName"), r.get("contactLastName")].filter(Boolean).join(" ");
  const name = r.get("contactName") || joined;
  const mail = email(problems, r, "contactEmail");
  const phone = text(problems, r, "contactPhone", 50);
  if (!name && !mail && !phone) return null;
  if (name.length > 200)
    return problems.add(r.row, "contactName", "too_big", { maximum: 200, origin: "string" });
  return { name: name || mail || phone || "", email: mail, phone };
}

/** One live contact per address in the organisation (contact-email.ts), in the file as in the database. */
function checkContactEmail(
  problems: Problems,
  r: RowCells,
  contact: { email: string | null },
  keys: CustomerKeys,
  emailsInFile: Map<string, string>,
  groupKey: string,
) {
  if (!contact.email) return;
  const address = contact.email.toLowerCase();
  const holder = keys.contactEmails.get(address);
  if (holder !== undefined) problems.add(r.row, "contactEmail", "email_in_use", { customerName: holder });
  else if (emailsInFile.has(address)) problems.add(r.row, "contactEmail", "listed_twice");
  else emailsInFile.set(address, groupKey);
}
