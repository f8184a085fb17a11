import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  contact,
  contactInput,
  createCustomerBody,
  customer,
  customerContactParams,
  customerListQuery,
  customerPage,
  customerTotalsQuery,
  idParams,
  listTotals,
  okResponse,
  updateContactBody,
  updateCustomerBody,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { archiveCustomer, restoreCustomer } from "./archive.service.js";
import { removeContact, updateContact } from "./contacts.service.js";
import {
  addContact,
  createCustomer,
  customerListTotals,
  getCustomer,
  listCustomers,
  updateCustomer,
} from "./customers.service.js";

export async function customerRoutes(app: App, { database: { db }, config, mailer }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["customers"];

  r.get(
    "/api/customers",
    {
      onRequest,
      schema: { tags, querystring: customerListQuery, response: { 200: customerPage } },
    },
    (req) => listCustomers(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/customers/totals",
    { onRequest, schema: { tags, querystring: customerTotalsQuery, response: { 200: listTotals } } },
    (req) => customerListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/customers",
    { onRequest, schema: { tags, body: createCustomerBody, response: { 201: customer } } },
    async (req, reply) => reply.status(201).send(await createCustomer(db, staffOf(req).orgId, req.body)),
  );
  r.get(
    "/api/customers/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: customer } } },
    (req) => getCustomer(db, staffOf(req).orgId, req.params.id),
  );
  r.put(
    "/api/customers/:id",
    { onRequest, schema: { tags, params: idParams, body: updateCustomerBody, response: { 200: customer } } },
    (req) => updateCustomer(db, staffOf(req).orgId, req.params.id, req.body),
  );
  r.delete(
    "/api/customers/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await archiveCustomer(db, staffOf(req).orgId, req.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/customers/:id/restore",
    { onRequest, schema: { tags, params: idParams, response: { 200: customer } } },
    (req) => restoreCustomer(db, staffOf(req).orgId, req.params.id),
  );
  r.post(
    "/api/customers/:id/contacts",
    { onRequest, schema: { tags, params: idParams, body: contactInput, response: { 201: contact } } },
    async (req, reply) =>
      reply.status(201).send(await addContact(db, staffOf(req).orgId, req.params.id, req.body)),
  );
  r.put(
    "/api/customers/:customerId/contacts/:contactId",
    {
      onRequest,
      schema: { tags, params: customerContactParams, body: updateContactBody, response: { 200: customer } },
    },
    (req) =>
      updateContact(
        { db, config, mailer },
        staffOf(req).orgId,
        req.params.customerId,
        req.params.contactId,
        req.body,
      ),
  );
  r.delete(
    "/api/customers/:customerId/contacts/:contactId",
    { onRequest, schema: { tags, params: customerContactParams, response: { 200: customer } } },
    (req) => removeContact(db, staffOf(req).orgId, req.params.customerId, req.params.contactId),
  );
}
