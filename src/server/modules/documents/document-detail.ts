import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { customers } from "../../db/schema/index.js";

/** The name a document shows: the customer as frozen when it was numbered, else as it is now. */
export async function documentCustomerName(
  tx: Tx,
  d: { customerId: string; customerSnapshot: Record<string, unknown> | null },
): Promise<string> {
  if (typeof d.customerSnapshot?.name === "string") return d.customerSnapshot.name;
  const [cust] = await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, d.customerId));
  return cust?.name ?? "";
}

export interface PricedLine<Tax> {
  id: string;
  position: number;
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  taxes: Tax;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** A stored line as every document's detail shows it (only these fields, never the row's keys). */
export const pricedLineOf = <Tax>(l: PricedLine<Tax>): PricedLine<Tax> => ({
  id: l.id,
  position: l.position,
  description: l.description,
  quantityMilli: l.quantityMilli,
  unitPriceMinor: l.unitPriceMinor,
  discountBp: l.discountBp,
  taxes: l.taxes,
  grossMinor: l.grossMinor,
  discountMinor: l.discountMinor,
  netMinor: l.netMinor,
  taxMinor: l.taxMinor,
  totalMinor: l.totalMinor,
});
