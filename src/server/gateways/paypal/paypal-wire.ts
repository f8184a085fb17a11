/** PayPal's JSON, as much of it as Portico reads (Orders v2, Payments v2, webhooks v1). */
export interface PaypalLink {
  href: string;
  rel: string;
  method?: string;
}

export interface PaypalAmount {
  currency_code: string;
  value: string;
}

export interface PaypalCapture {
  id: string;
  status: string;
  status_details?: { reason?: string };
  amount?: PaypalAmount;
  custom_id?: string;
  links?: PaypalLink[];
}

export interface PaypalOrder {
  id: string;
  status: string;
  links?: PaypalLink[];
  purchase_units?: {
    custom_id?: string;
    payments?: { captures?: PaypalCapture[] };
  }[];
}

export interface PaypalRefund {
  id: string;
  status: string;
  status_details?: { reason?: string };
  amount?: PaypalAmount;
  links?: PaypalLink[];
}

export function linkOf(links: PaypalLink[] | undefined, ...rels: string[]): string | undefined {
  return links?.find((l) => rels.includes(l.rel))?.href;
}

/** The link the payer follows to approve (`payer-action` with payment_source, `approve` before it). */
export const approvalLink = (links: PaypalLink[] | undefined) => linkOf(links, "payer-action", "approve");
