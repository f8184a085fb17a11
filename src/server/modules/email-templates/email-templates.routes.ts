import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  emailTemplate,
  emailTemplateInput,
  emailTemplateList,
  emailTemplateParams,
  emailTemplatePreview,
  emailTemplateTestSent,
} from "../../../shared/contracts/email-templates.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  getEmailTemplate,
  languageOf,
  listEmailTemplates,
  previewEmailTemplate,
  restoreEmailTemplate,
  saveEmailTemplate,
  sendTestEmailTemplate,
} from "./email-templates.service.js";

/**
 * Settings › Email templates (issue 16 §5, decision 046): owners and admins only, reading included (the
 * texts are the organisation's settings, like its profile).
 */
const base = "/api/email-templates/:kind/:language";

export async function emailTemplateRoutes(app: App, { database: { db }, config, mailer, jobRunner }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["email-templates"];
  const config_ = { action: "organisation.update" as const };
  r.get(
    "/api/email-templates",
    { onRequest, config: config_, schema: { tags, response: { 200: emailTemplateList } } },
    (req) => listEmailTemplates(db, staffOf(req).orgId),
  );
  r.get(
    `${base}`,
    {
      onRequest,
      config: config_,
      schema: { tags, params: emailTemplateParams, response: { 200: emailTemplate } },
    },
    (req) => getEmailTemplate(db, staffOf(req).orgId, req.params.kind, languageOf(req.params.language)),
  );
  r.put(
    `${base}`,
    {
      onRequest,
      config: config_,
      schema: {
        tags,
        params: emailTemplateParams,
        body: emailTemplateInput,
        response: { 200: emailTemplate },
      },
    },
    (req) => {
      const staff = staffOf(req);
      return saveEmailTemplate(
        db,
        staff.orgId,
        staff.userId,
        req.params.kind,
        languageOf(req.params.language),
        req.body,
      );
    },
  );
  r.delete(
    `${base}`,
    {
      onRequest,
      config: config_,
      schema: { tags, params: emailTemplateParams, response: { 200: emailTemplate } },
    },
    (req) => restoreEmailTemplate(db, staffOf(req).orgId, req.params.kind, languageOf(req.params.language)),
  );
  r.post(
    `${base}/preview`,
    {
      onRequest,
      config: config_,
      schema: {
        tags,
        params: emailTemplateParams,
        body: emailTemplateInput,
        response: { 200: emailTemplatePreview },
      },
    },
    (req) =>
      previewEmailTemplate(
        db,
        config,
        staffOf(req).orgId,
        req.params.kind,
        languageOf(req.params.language),
        req.body,
      ),
  );
  r.post(
    `${base}/test`,
    {
      onRequest,
      config: config_,
      schema: {
        tags,
        params: emailTemplateParams,
        body: emailTemplateInput,
        response: { 202: emailTemplateTestSent },
      },
    },
    async (req, reply) => {
      const staff = staffOf(req);
      const sent = await sendTestEmailTemplate(
        { db, config, mailer },
        staff.orgId,
        staff.userId,
        req.params.kind,
        languageOf(req.params.language),
        req.body,
      );
      jobRunner?.nudge();
      return reply.status(202).send(sent);
    },
  );
}
