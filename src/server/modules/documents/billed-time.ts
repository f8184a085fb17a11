import { eq } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { timeEntries } from "../../db/schema/index.js";

/**
 * Voiding an invoice gives back the time it billed (decision 039): its entries are unbilled again and
 * may be invoiced anew. Here, below both invoices and projects, so neither imports the other's way up.
 */
export async function releaseBilledTimeInTx(tx: Tx, invoiceId: string): Promise<number> {
  const released = await tx
    .update(timeEntries)
    .set({ invoiceId: null, updatedAt: clock.now() })
    .where(eq(timeEntries.invoiceId, invoiceId))
    .returning({ id: timeEntries.id });
  return released.length;
}
