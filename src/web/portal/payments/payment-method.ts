import type { TFunction } from "i18next";
import type { PaymentMethod } from "../../../shared/contracts/index.js";

/** "Online payment (sandbox)", "Bank transfer"…: the gateway is named for an online payment. */
export function methodLabel(t: TFunction, method: PaymentMethod, gateway: string | null): string {
  const label = t(`receipts.methods.${method}`);
  return gateway ? `${label} (${gateway})` : label;
}
