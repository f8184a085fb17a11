import type { PortalInvoiceListQuery, PortalInvoicePage } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { withContact } from "../../db/scope.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { orgToday, toSummary } from "../invoices/invoices.service.js";
import { decodeCursor, encodeCursor } from "./invoice-cursor.js";
import { cursorKeyOf, findInvoicePage } from "./invoice-list.queries.js";

/** The contact's invoices (E3): searched, filtered, sorted and paged by keyset; never drafts. */
export function listPortalInvoices(
  db: Db,
  p: ContactPrincipal,
  query: PortalInvoiceListQuery,
): Promise<PortalInvoicePage> {
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort, query.dir) : null;
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const today = await orgToday(tx, p.orgId);
    const rows = await findInvoicePage(
      tx,
      { orgId: p.orgId, customerId: p.customerId, today },
      query,
      cursor,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => {
        const {
          customerId: _c,
          customerName: _n,
          ...rest
        } = toSummary(row, "", today, row.paymentProcessing);
        return rest;
      }),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({
              sort: query.sort,
              dir: query.dir,
              key: cursorKeyOf(query.sort, last),
              id: last.id,
            })
          : null,
    };
  });
}
