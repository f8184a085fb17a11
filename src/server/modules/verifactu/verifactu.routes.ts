import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  verifactuRecordPage,
  verifactuRecordsQuery,
  verifactuSettings,
  verifactuSettingsBody,
  verifactuVerifyResult,
} from "../../../shared/contracts/verifactu.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  getVerifactuSettings,
  listVerifactuRecords,
  setVerifactuEnabled,
  verifyVerifactuChain,
} from "./verifactu.service.js";

/** Settings › VERI*FACTU (issue 17 §1, decision 049): the mode, its billing records, verifying the chain. */
export async function verifactuRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["verifactu"];
  const config = { action: "organisation.update" } as const;
  r.get(
    "/api/verifactu/settings",
    { onRequest, schema: { tags, response: { 200: verifactuSettings } } },
    (req) => getVerifactuSettings(db, staffOf(req).orgId),
  );
  r.put(
    "/api/verifactu/settings",
    {
      onRequest,
      config,
      schema: { tags, body: verifactuSettingsBody, response: { 200: verifactuSettings } },
    },
    (req) => setVerifactuEnabled(db, staffOf(req).orgId, req.body.enabled),
  );
  r.get(
    "/api/verifactu/records",
    {
      onRequest,
      config,
      schema: { tags, querystring: verifactuRecordsQuery, response: { 200: verifactuRecordPage } },
    },
    (req) => listVerifactuRecords(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/verifactu/verify",
    { onRequest, config, schema: { tags, response: { 200: verifactuVerifyResult } } },
    (req) => verifyVerifactuChain(db, staffOf(req).orgId),
  );
}
