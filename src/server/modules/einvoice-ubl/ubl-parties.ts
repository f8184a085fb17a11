import type { Invoice } from "@e-invoice-eu/core";
import { AppError } from "../../errors/errors.js";
import type { UblParty } from "./ubl-source.js";

type Seller = Invoice["ubl:Invoice"]["cac:AccountingSupplierParty"]["cac:Party"];
type Buyer = Invoice["ubl:Invoice"]["cac:AccountingCustomerParty"]["cac:Party"];

/** The member states whose tax ids are VAT identifiers (BT-31/BT-48 carry the country prefix, BR-CO-9). */
const EU = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

const compact = (id: string) => id.toUpperCase().replace(/[\s.\-/]+/g, "");

/** A VAT identifier with its prefix: Greece's is EL; an id that already starts with it is kept. */
function vatIdOf(party: UblParty): string | null {
  if (!party.taxId || !EU.has(party.country)) return null;
  const prefix = party.country === "GR" ? "EL" : party.country;
  const id = compact(party.taxId);
  return id.startsWith(prefix) ? id : `${prefix}${id}`;
}

/**
 * The electronic address (BT-34/BT-49, mandatory in Peppol, PEPPOL-EN16931-R010/R020) with its Peppol EAS
 * scheme: a Spanish party by its NIF as a VAT number (9920, "ES" + NIF), any other by its email ("EM").
 */
export function endpointOf(party: UblParty): { id: string; scheme: string } | null {
  const vatId = party.country === "ES" ? vatIdOf(party) : null;
  if (vatId) return { id: vatId, scheme: "9920" };
  const email = party.email?.trim();
  return email ? { id: email, scheme: "EM" } : null;
}

function commonParty(party: UblParty, role: "seller" | "buyer") {
  const endpoint = endpointOf(party);
  if (!endpoint)
    throw new AppError(
      "EINVOICE_UBL_ADDRESS",
      [],
      `The ${role} has neither a Spanish tax ID nor an email for the e-invoice's electronic address.`,
      { party: role },
    );
  const registrationName = party.legalName?.trim() || party.name;
  const vatId = vatIdOf(party);
  const contact = {
    ...(party.phone ? { "cbc:Telephone": party.phone } : {}),
    ...(party.email ? { "cbc:ElectronicMail": party.email } : {}),
  };
  return {
    vatId,
    party: {
      "cbc:EndpointID": endpoint.id,
      "cbc:EndpointID@schemeID": endpoint.scheme,
      ...(registrationName !== party.name ? { "cac:PartyName": { "cbc:Name": party.name } } : {}),
      "cac:PostalAddress": {
        ...(party.addressLine1 ? { "cbc:StreetName": party.addressLine1 } : {}),
        ...(party.addressLine2 ? { "cbc:AdditionalStreetName": party.addressLine2 } : {}),
        ...(party.city ? { "cbc:CityName": party.city } : {}),
        ...(party.postalCode ? { "cbc:PostalZone": party.postalCode } : {}),
        ...(party.region ? { "cbc:CountrySubentity": party.region } : {}),
        "cac:Country": { "cbc:IdentificationCode": party.country },
      },
      "cac:PartyLegalEntity": {
        "cbc:RegistrationName": registrationName,
        // Outside the EU a tax id is no VAT identifier: it is the legal registration identifier.
        ...(party.taxId && !vatId ? { "cbc:CompanyID": compact(party.taxId) } : {}),
      },
      ...(Object.keys(contact).length > 0 ? { "cac:Contact": contact } : {}),
    },
  };
}

const vatScheme = (companyId: string) => ({
  "cbc:CompanyID": companyId,
  "cac:TaxScheme": { "cbc:ID": "VAT" },
});

export function sellerPartyOf(seller: UblParty): Seller {
  const { vatId, party } = commonParty(seller, "seller");
  return { ...party, ...(vatId ? { "cac:PartyTaxScheme": [vatScheme(vatId)] } : {}) } as Seller;
}

export function buyerPartyOf(buyer: UblParty): Buyer {
  const { vatId, party } = commonParty(buyer, "buyer");
  return { ...party, ...(vatId ? { "cac:PartyTaxScheme": vatScheme(vatId) } : {}) } as Buyer;
}
