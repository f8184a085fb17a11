import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { getGatewaySettings, setEnabledGateways, setInvoiceGateways } from "./gateway-settings.service.js";

const gatewaySettings = z.object({
  /** What the organisation has enabled; new invoices offer these. */
  enabled: z.array(z.string().min(1).max(40)).max(10),
  /** What this server runs (the sandbox only outside production or with PORTICO_DEMO=1). */
  available: z.array(z.string()),
  /** Of the enabled, those the portal sends a payer to (online, allowed by C4): what an invoice may offer. */
  offered: z.array(z.string()),
});
const gatewaySettingsBody = z.object({ enabled: z.array(z.string().min(1).max(40)).max(10) });
const invoiceGateways = z.object({ gateways: z.array(z.string().min(1).max(40)).max(10) });

/**
 * The organisation's payment gateways (issue 9): a new organisation has none, so its invoices offer no
 * "Pay now" until it enables one the server runs. Changing it affects invoices created afterwards.
 */
export async function gatewaySettingsRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["payments"];

  r.get("/api/payment-gateways", { onRequest, schema: { tags, response: { 200: gatewaySettings } } }, (req) =>
    getGatewaySettings(db, config, staffOf(req).orgId),
  );
  r.put(
    "/api/payment-gateways",
    {
      onRequest,
      config: { action: "gateways.update" },
      schema: { tags, body: gatewaySettingsBody, response: { 200: gatewaySettings } },
    },
    (req) => setEnabledGateways(db, config, staffOf(req).orgId, req.body.enabled),
  );
  r.put(
    "/api/invoices/:id/gateways",
    {
      onRequest,
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: invoiceGateways,
        response: { 200: invoiceGateways },
      },
    },
    (req) => setInvoiceGateways(db, config, staffOf(req).orgId, req.params.id, req.body.gateways),
  );
}
