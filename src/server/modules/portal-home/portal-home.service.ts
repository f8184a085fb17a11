import type { PortalHome, PurchaseHistory, PurchaseHistoryQuery } from "../../../shared/contracts/index.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { withContact } from "../../db/scope.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadContacts, loadCustomer } from "../customers/customers.service.js";
import { orgToday } from "../invoices/invoices.service.js";
import { customerBalancesAndGateways } from "../ledger/balances.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { can, portalOptionsOf } from "../organisation/portal-policy.js";
import { commonGateways, offeredGateways } from "../payments/gateways.js";
import { countAwaitingTimesheets } from "../timesheets/timesheets.portal.service.js";
import { monthRange } from "./month-range.js";
import { findHomeActivity, findInvoicedCurrencies, sumInvoicesPerMonth } from "./portal-home.queries.js";

/**
 * The portal's home (E1): the customer's figures from the ledger (`customerBalances`, the same sums the
 * back office and the statement use), its last payment, what waits for an answer, and its account.
 * The organisation's own contact details come with `/me` (already filtered by C4), so not repeated here.
 */
export function getPortalHome(db: Db, config: Config, p: ContactPrincipal): Promise<PortalHome> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const today = await orgToday(tx, p.orgId);
    const org = await loadOrganisation(tx, p.orgId);
    const options = portalOptionsOf(org);
    const customer = await loadCustomer(tx, p.customerId);
    const offered = offeredGateways(config, org);
    // The figures and, from the same rows, the gateways of what is owed per currency: one statement.
    const { balances, openGateways } = await customerBalancesAndGateways(
      tx,
      customer.id,
      customer.currency,
      today,
    );
    const { lastPayment, quotesAwaiting } = await findHomeActivity(tx, customer.id, today);
    const showsTimesheets = can(options, "showProjects");
    return {
      balances,
      lastPayment,
      quotesAwaiting,
      // E8: pending timesheets of the customer's projects shown in the portal (RLS), when C4 shows them.
      timesheetsAwaiting: showsTimesheets ? await countAwaitingTimesheets(tx) : 0,
      account: {
        name: customer.name,
        legalName: customer.legalName ?? null,
        taxId: customer.taxId ?? null,
        email: customer.email ?? null,
        phone: customer.phone ?? null,
        address: {
          line1: customer.addressLine1 ?? null,
          line2: customer.addressLine2 ?? null,
          city: customer.city ?? null,
          postalCode: customer.postalCode ?? null,
          region: customer.region ?? null,
          country: customer.country ?? null,
        },
      },
      contacts: (await loadContacts(tx, customer.id)).map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        isPrimary: c.isPrimary,
      })),
      allows: {
        // "Pay everything" needs a gateway the server runs and the organisation has set up.
        payAll: !p.preview && offered.length > 0,
        payAllGateways: openGateways.map(({ currency, gateways }) => ({
          currency,
          gateways: commonGateways(
            offered,
            gateways.map((g) => ({ gateways: g })),
          ),
        })),
        answerQuotes: can(options, "allowQuoteAcceptance"),
        timesheets: showsTimesheets,
      },
    };
  });
}

/** E2: invoiced per month over a period, split into settled and still due, in one currency. */
export function getPurchaseHistory(
  db: Db,
  p: ContactPrincipal,
  query: PurchaseHistoryQuery,
): Promise<PurchaseHistory> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const range = monthRange(await orgToday(tx, p.orgId), query.from, query.to);
    const customer = await loadCustomer(tx, p.customerId);
    const currency = query.currency ?? customer.currency;
    const found = new Map(
      (await sumInvoicesPerMonth(tx, customer.id, currency, range.firstDay, range.lastDay)).map((m) => [
        m.month,
        m,
      ]),
    );
    const months = range.months.map(
      (month) =>
        found.get(month) ?? { month, invoicedMinor: 0, paidMinor: 0, pendingMinor: 0, invoiceCount: 0 },
    );
    const totals = { invoicedMinor: 0, paidMinor: 0, pendingMinor: 0, invoiceCount: 0 };
    for (const m of months) {
      totals.invoicedMinor += m.invoicedMinor;
      totals.paidMinor += m.paidMinor;
      totals.pendingMinor += m.pendingMinor;
      totals.invoiceCount += m.invoiceCount;
    }
    const currencies = await findInvoicedCurrencies(tx, customer.id);
    return {
      currency,
      from: range.from,
      to: range.to,
      months,
      totals,
      currencies: currencies.includes(customer.currency) ? currencies : [customer.currency, ...currencies],
    };
  });
}
