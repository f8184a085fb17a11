import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { STAFF_ACTIONS } from "../../../shared/contracts/staff-actions.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { loadRoutes, PUBLIC, SELF_ONLY, SIGNED } from "../../test/security/crawler.js";
import { can, permissionsOf, type StaffRole } from "./staff-policy.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("the staff policy", () => {
  test("owners may do everything; admins all but the owners' actions; staff only the daily work", () => {
    const allowed = (role: StaffRole) => STAFF_ACTIONS.filter((a) => can({ role }, a));
    expect(allowed("owner")).toEqual([...STAFF_ACTIONS]);
    expect(allowed("admin")).toEqual(
      STAFF_ACTIONS.filter((a) => !["ownership.manage", "billing.manage", "organisation.delete"].includes(a)),
    );
    expect(allowed("staff")).toEqual(["work.read", "work.write"]);
  });

  test("the permissions sent to the back office are the policy's answers", () => {
    for (const role of ["owner", "admin", "staff"] as const)
      expect(permissionsOf({ role })).toEqual(STAFF_ACTIONS.filter((a) => can({ role }, a)));
  });
});

/**
 * Every back-office route of the OpenAPI document with the action the policy checks on it: a new route
 * appears here, so a settings route cannot silently fall to the daily-work default. Review a change of
 * this table like a change of the policy.
 */
const ROUTE_ACTIONS: Record<string, string> = {
  "DELETE /api/customers/{customerId}/contacts/{contactId}": "work.write",
  "DELETE /api/customers/{customerId}/contacts/{contactId}/portal-access": "work.write",
  "DELETE /api/customers/{customerId}/portal-access": "work.write",
  "DELETE /api/customers/{id}": "work.write",
  "DELETE /api/organisation/logo": "organisation.update",
  "GET /api/auth/me": "work.read",
  "GET /api/background-jobs": "organisation.update",
  "GET /api/background-jobs/totals": "organisation.update",
  "POST /api/background-jobs/{id}/retry": "organisation.update",
  "GET /api/auth/organisations": "work.read",
  "GET /api/onboarding": "work.read",
  "GET /api/api-keys": "api_keys.manage",
  "POST /api/api-keys": "api_keys.manage",
  "POST /api/api-keys/{id}/revoke": "api_keys.manage",
  "POST /api/auth/switch": "work.write",
  "GET /api/customers": "work.read",
  "GET /api/customers/{customerId}/activity": "work.read",
  "GET /api/customers/{customerId}/portal-access": "work.read",
  "GET /api/customers/{id}": "work.read",
  "GET /api/customers/{id}/balances": "work.read",
  "GET /api/customers/{id}/statement": "work.read",
  "GET /api/customers/{id}/statement/pdf": "work.read",
  "GET /api/events": "work.read",
  "GET /api/imports/template": "data.import",
  "GET /api/imports/{id}": "data.import",
  "POST /api/imports": "data.import",
  "POST /api/imports/preview": "data.import",
  "GET /api/invoices": "work.read",
  "GET /api/recurring-profiles": "work.read",
  "GET /api/recurring-profiles/totals": "work.read",
  "GET /api/recurring-profiles/{id}": "work.read",
  "GET /api/recurring-profiles/{id}/invoices": "work.read",
  "POST /api/recurring-profiles": "work.write",
  "PUT /api/recurring-profiles/{id}": "work.write",
  "POST /api/recurring-profiles/{id}/pause": "work.write",
  "POST /api/recurring-profiles/{id}/resume": "work.write",
  "POST /api/recurring-profiles/{id}/stop": "work.write",
  "DELETE /api/recurring-profiles/{id}": "work.write",
  "GET /api/invoices/{id}": "work.read",
  "GET /api/invoices/{id}/activity": "work.read",
  "GET /api/invoices/{id}/comments": "work.read",
  "GET /api/invoices/{id}/pdf": "work.read",
  "GET /api/notifications": "work.read",
  "GET /api/organisation": "work.read",
  "GET /api/organisation/export": "organisation.delete",
  "GET /api/outbox": "work.read",
  "GET /api/outbox/totals": "work.read",
  "GET /api/outbox/{id}": "work.read",
  "GET /api/outbox/{id}/attachments/{index}": "work.read",
  "GET /api/payment-gateways": "work.read",
  "GET /api/payments": "work.read",
  "GET /api/payments/{id}": "work.read",
  "GET /api/payments/{id}/pdf": "work.read",
  "GET /api/portal-settings": "work.read",
  "GET /api/reminder-settings": "work.read",
  "GET /api/quotes": "work.read",
  "GET /api/quotes/{id}": "work.read",
  "GET /api/quotes/{id}/activity": "work.read",
  "GET /api/quotes/{id}/comments": "work.read",
  "GET /api/quotes/{id}/evidence/signature": "work.read",
  "GET /api/quotes/{id}/evidence/verify": "work.read",
  "GET /api/quotes/{id}/pdf": "work.read",
  "GET /api/sales-orders": "work.read",
  "GET /api/sales-orders/{id}": "work.read",
  "GET /api/sales-orders/{id}/activity": "work.read",
  "GET /api/sales-orders/{id}/comments": "work.read",
  "GET /api/sales-orders/{id}/pdf": "work.read",
  "GET /api/taxes": "work.read",
  "GET /api/timesheets": "work.read",
  "GET /api/timesheets/totals": "work.read",
  "GET /api/timesheets/{id}": "work.read",
  "GET /api/timesheets/{id}/comments": "work.read",
  "POST /api/auth/password/change": "work.write",
  "GET /api/auth/2fa": "work.read",
  "POST /api/auth/2fa/setup": "work.write",
  "POST /api/auth/2fa/enable": "work.write",
  "POST /api/auth/2fa/disable": "work.write",
  "PUT /api/organisation/two-factor": "ownership.manage",
  "POST /api/customers": "work.write",
  "POST /api/customers/{customerId}/contacts/{contactId}/portal-access": "work.write",
  "POST /api/customers/{customerId}/contacts/{contactId}/portal-access/reinvite": "work.write",
  "POST /api/customers/{customerId}/contacts/{contactId}/preview": "work.write",
  "POST /api/customers/{id}/contacts": "work.write",
  "POST /api/customers/{id}/restore": "work.write",
  "POST /api/invoices": "work.write",
  "POST /api/invoices/{id}/apply": "work.write",
  "POST /api/invoices/{id}/comments": "work.write",
  "POST /api/invoices/{id}/issue": "work.write",
  "POST /api/invoices/{id}/refunds": "work.write",
  "POST /api/invoices/{id}/send": "work.write",
  "POST /api/invoices/{id}/void": "work.write",
  "POST /api/notifications/read-all": "work.write",
  "POST /api/organisation/delete": "organisation.delete",
  "POST /api/payments": "work.write",
  "POST /api/projects/{id}/timesheets": "work.write",
  "POST /api/payments/{id}/apply": "work.write",
  "POST /api/payments/{id}/refunds": "work.write",
  "POST /api/portal-access/bulk": "work.write",
  "POST /api/quotes": "work.write",
  "POST /api/quotes/{id}/comments": "work.write",
  "POST /api/quotes/{id}/convert": "work.write",
  "POST /api/quotes/{id}/revise": "work.write",
  "POST /api/quotes/{id}/send": "work.write",
  "POST /api/sales-orders": "work.write",
  "POST /api/sales-orders/{id}/comments": "work.write",
  "POST /api/sales-orders/{id}/confirm": "work.write",
  "POST /api/sales-orders/{id}/invoice": "work.write",
  "POST /api/sales-orders/{id}/send": "work.write",
  "POST /api/timesheets/{id}/approve": "work.write",
  "POST /api/timesheets/{id}/comments": "work.write",
  "POST /api/timesheets/{id}/reject": "work.write",
  "POST /api/sales-orders/{id}/void": "work.write",
  "POST /api/taxes": "taxes.manage",
  "PUT /api/customers/{customerId}/contacts/{contactId}": "work.write",
  "PUT /api/customers/{id}": "work.write",
  "PUT /api/invoices/{id}": "work.write",
  "PUT /api/invoices/{id}/gateways": "work.write",
  "PUT /api/organisation": "organisation.update",
  "PUT /api/organisation/logo": "organisation.update",
  "PUT /api/payment-gateways": "gateways.update",
  "GET /api/payment-gateways/credentials": "payments.gateways",
  "PUT /api/payment-gateways/{gateway}/credentials": "payments.gateways",
  "DELETE /api/payment-gateways/{gateway}/credentials": "payments.gateways",
  "POST /api/payment-gateways/{gateway}/test": "payments.gateways",
  "PUT /api/portal-settings": "portal_settings.update",
  "PUT /api/reminder-settings": "organisation.update",
  "PUT /api/quotes/{id}": "work.write",
  "PUT /api/sales-orders/{id}": "work.write",
  "GET /api/team": "team.read",
  "POST /api/team/invitations": "team.manage",
  "DELETE /api/team/invitations/{id}": "team.manage",
  "PUT /api/team/members/{userId}/role": "team.manage",
  "POST /api/team/members/{userId}/disable": "team.manage",
  "POST /api/team/members/{userId}/enable": "team.manage",
  // Projects and time (issue 15 §4, decision 039): daily work; members' rates are the team's settings.
  "GET /api/projects": "work.read",
  "GET /api/projects/totals": "work.read",
  "POST /api/projects": "work.write",
  "GET /api/projects/{id}": "work.read",
  "PUT /api/projects/{id}": "work.write",
  "DELETE /api/projects/{id}": "work.write",
  "POST /api/projects/{id}/tasks": "work.write",
  "PUT /api/projects/{id}/tasks/{taskId}": "work.write",
  "DELETE /api/projects/{id}/tasks/{taskId}": "work.write",
  "GET /api/projects/{id}/time-entries": "work.read",
  "POST /api/projects/{id}/invoice": "work.write",
  "POST /api/time-entries": "work.write",
  "PUT /api/time-entries/{id}": "work.write",
  "DELETE /api/time-entries/{id}": "work.write",
  "GET /api/timer": "work.read",
  "POST /api/timer/start": "work.write",
  "POST /api/timer/stop": "work.write",
  "GET /api/staff-rates": "team.read",
  "PUT /api/staff-rates/{userId}": "team.manage",
  // Appointments (issue 16 §3, decision 045): availability is the organisation's settings; bookings are daily work.
  "GET /api/appointment-settings": "work.read",
  "PUT /api/appointment-settings": "organisation.update",
  "GET /api/appointments": "work.read",
  "GET /api/appointments/{id}": "work.read",
  "POST /api/appointments/{id}/cancel": "work.write",
  // Editable email templates (issue 16 §5, decision 046): the organisation's settings, reading included.
  "GET /api/email-templates": "organisation.update",
  "GET /api/email-templates/{kind}/{language}": "organisation.update",
  "PUT /api/email-templates/{kind}/{language}": "organisation.update",
  "DELETE /api/email-templates/{kind}/{language}": "organisation.update",
  "POST /api/email-templates/{kind}/{language}/preview": "organisation.update",
  "POST /api/email-templates/{kind}/{language}/test": "organisation.update",
  // Messages (issue 16 §1, decision 043): daily work.
  "GET /api/messages": "work.read",
  "GET /api/messages/unread": "work.read",
  "GET /api/messages/{id}": "work.read",
  "GET /api/messages/{id}/attachments/{attachmentId}": "work.read",
  "POST /api/messages": "work.write",
  "POST /api/messages/{id}/replies": "work.write",
  "GET /api/reviews": "work.read",
  "GET /api/reviews/{id}": "work.read",
  "GET /api/auth/notification-preferences": "work.read",
  "PUT /api/auth/notification-preferences": "work.write",
  "POST /api/organisation/unsubscribe-links/revoke": "organisation.update",
  // VERI*FACTU (issue 17 §1, decision 049): the mode, its records and verifying the chain are owners' and admins'.
  "GET /api/verifactu/settings": "work.read",
  "PUT /api/verifactu/settings": "organisation.update",
  "GET /api/verifactu/records": "organisation.update",
  "POST /api/verifactu/verify": "organisation.update",
  // UBL e-invoice (issue 17 §3, decision 052): a download like the PDF.
  "GET /api/invoices/{id}/ubl": "work.read",
  // Facturae (issue 17 §3, decision 053): the certificate is the organisation's settings; its facts and the
  // signed download are daily work.
  "GET /api/organisation/signing-certificate": "work.read",
  "PUT /api/organisation/signing-certificate": "organisation.update",
  "DELETE /api/organisation/signing-certificate": "organisation.update",
  "GET /api/invoices/{id}/facturae": "work.read",
  // VERI*FACTU record XML (issue 17, decisions 049/050): a record's download, owners' and admins' like the list.
  "GET /api/verifactu/records/{id}/xml": "organisation.update",
  // The header search box (issue 19, decision 059): daily work.
  "GET /api/search": "work.read",
  // List exports (issue 19, decision 059): daily work, the rows a member reads page by page.
  "GET /api/invoices/export": "work.read",
  "GET /api/customers/export": "work.read",
  "GET /api/sales-orders/export": "work.read",
  "GET /api/payments/export": "work.read",
  "GET /api/quotes/export": "work.read",
  // Issue 19: the totals beside each back-office list (decision 058).
  "GET /api/customers/totals": "work.read",
  "GET /api/invoices/totals": "work.read",
  "GET /api/payments/totals": "work.read",
  "GET /api/quotes/totals": "work.read",
  "GET /api/sales-orders/totals": "work.read",
};

describe("every back-office route names its action", () => {
  test("the table of routes and actions", async () => {
    const routes = await loadRoutes(ctx);
    const actual: Record<string, string> = {};
    const unguarded: string[] = [];
    for (const { method, path, op } of routes) {
      const key = `${method} ${path}`;
      if (path.startsWith("/api/portal/") || path.startsWith("/api/openapi")) continue;
      if (PUBLIC.has(key) || SELF_ONLY.has(key) || SIGNED.test(key)) continue;
      if (op["x-staff-action"]) actual[key] = op["x-staff-action"];
      else unguarded.push(key);
    }
    expect(unguarded).toEqual([]);
    expect(actual).toEqual(ROUTE_ACTIONS);
  });
});
