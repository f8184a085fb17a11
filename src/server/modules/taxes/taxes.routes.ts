import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createTaxBody, tax } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { createTax, listTaxes } from "./taxes.service.js";

export async function taxRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["taxes"];
  r.get("/api/taxes", { onRequest, schema: { tags, response: { 200: z.array(tax) } } }, (req) =>
    listTaxes(db, staffOf(req).orgId),
  );
  r.post(
    "/api/taxes",
    {
      onRequest,
      config: { action: "taxes.manage" },
      schema: { tags, body: createTaxBody, response: { 201: tax } },
    },
    async (req, reply) => reply.status(201).send(await createTax(db, staffOf(req).orgId, req.body)),
  );
}
