import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  okResponse,
  organisationProfile,
  portalSettings,
  portalSettingsResponse,
  twoFactorRequiredBody,
  updateOrganisationBody,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { AppError } from "../../errors/errors.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  getOrganisation,
  getPortalSettings,
  setLogo,
  setRequireTwoFactor,
  updateOrganisation,
  updatePortalSettings,
} from "./organisation.service.js";

export async function organisationRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["organisation"];

  r.get("/api/organisation", { onRequest, schema: { tags, response: { 200: organisationProfile } } }, (req) =>
    getOrganisation(db, staffOf(req).orgId),
  );
  r.put(
    "/api/organisation",
    {
      onRequest,
      config: { action: "organisation.update" },
      schema: { tags, body: updateOrganisationBody, response: { 200: organisationProfile } },
    },
    (req) => updateOrganisation(db, staffOf(req).orgId, req.body),
  );
  r.put(
    "/api/organisation/logo",
    {
      onRequest,
      config: { action: "organisation.update" },
      schema: {
        tags,
        description: "Raw PNG or JPEG body, at most 1 MB",
        response: { 200: z.object({ logoUrl: z.string().nullable() }) },
      },
    },
    (req) => {
      if (!Buffer.isBuffer(req.body))
        throw new AppError("VALIDATION_FAILED", [
          { field: "body", message: "send a PNG or JPEG image", code: "unsupported_image" },
        ]);
      return setLogo(db, staffOf(req).orgId, req.body);
    },
  );
  r.delete(
    "/api/organisation/logo",
    { onRequest, config: { action: "organisation.update" }, schema: { tags, response: { 200: okResponse } } },
    async (req) => {
      await setLogo(db, staffOf(req).orgId, null);
      return { ok: true as const };
    },
  );
  r.put(
    "/api/organisation/two-factor",
    {
      onRequest,
      config: { action: "ownership.manage" },
      schema: { tags, body: twoFactorRequiredBody, response: { 200: twoFactorRequiredBody } },
    },
    (req) => setRequireTwoFactor(db, staffOf(req).orgId, req.body.required),
  );
  r.get(
    "/api/portal-settings",
    { onRequest, schema: { tags, response: { 200: portalSettingsResponse } } },
    (req) => getPortalSettings(db, config, staffOf(req).orgId),
  );
  r.put(
    "/api/portal-settings",
    {
      onRequest,
      config: { action: "portal_settings.update" },
      schema: { tags, body: portalSettings, response: { 200: portalSettingsResponse } },
    },
    (req) => updatePortalSettings(db, config, staffOf(req).orgId, req.body),
  );
}
