import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { App, AppDeps, Deps } from "./app-types.js";
import type { TrustProxy } from "./config.js";
import { paypalRoutes } from "./gateways/paypal/paypal.routes.js";
import { registerApiKeyRateLimit } from "./http/api-key-limit.js";
import { acceptsApiKey, isStaffHook, staffActionOf } from "./http/auth.js";
import { registerCompression } from "./http/compression.js";
import { staffCookieName } from "./http/cookies.js";
import { registerCsrfGuard } from "./http/csrf.js";
import { frameworkErrors, registerErrorHandler } from "./http/error-handler.js";
import { registerFavicon } from "./http/favicon.js";
import { batchedLog } from "./http/log-stream.js";
import { databaseRateLimitStore } from "./http/rate-limit-store.js";
import { registerRequestTransactions } from "./http/request-transaction.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { registerWebApps } from "./http/web-apps.js";
import { createJobRunner } from "./jobs/built-in-jobs.js";
import { apiKeyRoutes } from "./modules/api-keys/api-keys.routes.js";
import { portalAppointmentRoutes } from "./modules/appointments/appointments.portal.routes.js";
import { appointmentRoutes } from "./modules/appointments/appointments.routes.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { teamInvitationRoutes } from "./modules/auth/team-invitation.routes.js";
import { backgroundJobRoutes } from "./modules/background-jobs/background-jobs.routes.js";
import { commentRoutes } from "./modules/comments/comments.routes.js";
import { customerRoutes } from "./modules/customers/customers.routes.js";
import { facturaeRoutes } from "./modules/einvoice-facturae/facturae.routes.js";
import { einvoiceUblRoutes } from "./modules/einvoice-ubl/einvoice-ubl.routes.js";
import { emailTemplateRoutes } from "./modules/email-templates/email-templates.routes.js";
import { exportRoutes } from "./modules/exports/export.routes.js";
import { gatewayCredentialRoutes } from "./modules/gateway-credentials/gateway-credentials.routes.js";
import { importRoutes } from "./modules/imports/imports.routes.js";
import { invoiceRoutes } from "./modules/invoices/invoices.routes.js";
import { portalMessageRoutes } from "./modules/messages/messages.portal.routes.js";
import { messageRoutes } from "./modules/messages/messages.routes.js";
import { notificationPreferenceRoutes } from "./modules/notifications/notification-preferences.routes.js";
import { notificationRoutes } from "./modules/notifications/notifications.routes.js";
import { onboardingRoutes } from "./modules/onboarding/onboarding.routes.js";
import { organisationRoutes } from "./modules/organisation/organisation.routes.js";
import { organisationDataRoutes } from "./modules/organisation-data/organisation-data.routes.js";
import { outboxRoutes } from "./modules/outbox/outbox.routes.js";
import { gatewayFormRoutes } from "./modules/payments/gateway-form.routes.js";
import { gatewayNotifyRoutes } from "./modules/payments/gateway-notify.routes.js";
import { gatewaySettingsRoutes } from "./modules/payments/gateway-settings.routes.js";
import { paymentRoutes } from "./modules/payments/payments.routes.js";
import { sandboxGatewayRoutes } from "./modules/payments/sandbox.routes.js";
import { portalRoutes, registerMovedPortalRedirects } from "./modules/portal/portal.routes.js";
import { portalAccessRoutes } from "./modules/portal-access/portal-access.routes.js";
import { portalAuthRoutes } from "./modules/portal-auth/portal-auth.routes.js";
import { portalCreditRoutes } from "./modules/portal-credit/portal-credit.routes.js";
import { portalHomeRoutes } from "./modules/portal-home/portal-home.routes.js";
import { projectRoutes } from "./modules/projects/projects.routes.js";
import { portalQuoteRoutes } from "./modules/quotes/quotes.portal.routes.js";
import { quoteRoutes } from "./modules/quotes/quotes.routes.js";
import { receiptRoutes } from "./modules/receipts/receipts.routes.js";
import { recurringRoutes } from "./modules/recurring/recurring.routes.js";
import { reminderRoutes } from "./modules/reminders/reminders.routes.js";
import { reviewRoutes } from "./modules/reviews/reviews.routes.js";
import { portalSalesOrderRoutes } from "./modules/sales-orders/sales-orders.portal.routes.js";
import { salesOrderRoutes } from "./modules/sales-orders/sales-orders.routes.js";
import { savedMethodRoutes } from "./modules/saved-methods/saved-methods.routes.js";
import { searchRoutes } from "./modules/search/search.routes.js";
import { shareRoutes } from "./modules/sharing/share.routes.js";
import { signupRoutes } from "./modules/signup/signup.routes.js";
import { portalStatementRoutes } from "./modules/statements/statements.portal.routes.js";
import { statementRoutes } from "./modules/statements/statements.routes.js";
import { taxRoutes } from "./modules/taxes/taxes.routes.js";
import { teamRoutes } from "./modules/team/team.routes.js";
import { testClockRoutes } from "./modules/test-clock/test-clock.routes.js";
import { portalTimesheetRoutes } from "./modules/timesheets/timesheets.portal.routes.js";
import { timesheetRoutes } from "./modules/timesheets/timesheets.routes.js";
import { verifactuRecordXmlRoutes } from "./modules/verifactu/record-xml.routes.js";
import { verifactuRoutes } from "./modules/verifactu/verifactu.routes.js";
import { HEARTBEAT_MS } from "./realtime/event-stream.js";
import { eventRoutes } from "./realtime/events.routes.js";
import { RealtimeHub } from "./realtime/realtime.js";

// Also here for the tests, which build the app; a module imports them from ./app-types.js, since an
// import of app.ts (which imports every module) would close a cycle.
export type { App, AppDeps, Deps } from "./app-types.js";

const webDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    // Production's lines go to stdout in batches (http/log-stream.ts, decision 062).
    logger: deps.logger
      ? {
          level: deps.config.logLevel,
          stream: typeof deps.logger === "object" ? deps.logger.stream : batchedLog(),
        }
      : false,
    // Off unless TRUST_PROXY names the proxies: otherwise any client could pick its address (X-Forwarded-For).
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  registerSecurityHeaders(app);
  app.decorate("secureCookies", deps.config.secureCookies);
  await app.register(cookie);
  await registerCompression(app);
  // On PostgreSQL the limits are counted in the database, shared by every app process (decision 056); PGlite
  // serves one process only, whose memory is the one place to count.
  await app.register(rateLimit, {
    global: false,
    ...(deps.database.kind === "postgres" ? { store: databaseRateLimitStore(deps.database.db) } : {}),
  });
  registerApiKeyRateLimit(app, deps.config.apiKeyRateLimit);
  registerCsrfGuard(app, deps.config);
  registerMovedPortalRedirects(app, deps.database.db);
  app.addContentTypeParser(["image/png", "image/jpeg"], { parseAs: "buffer" }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  await app.register(swagger, {
    openapi: {
      info: { title: "Portico API", version: "0.1.0", description: "Back office and customer portal API" },
      components: {
        securitySchemes: {
          staffSession: { type: "apiKey", in: "cookie", name: staffCookieName(deps.config) },
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "An API key (pk_live_…) from Settings → API keys",
          },
        },
      },
    },
    transform: withStaffActions,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  registerFavicon(app);

  const jobRunner =
    deps.jobRunner ??
    createJobRunner({ database: deps.database, config: deps.config, mailer: deps.mailer, log: app.log });
  deps.mailer.onQueued(() => jobRunner.runDueJobs());
  if (!deps.jobRunner) app.addHook("onClose", () => jobRunner.stop());
  const d: Deps = { database: deps.database, config: deps.config, mailer: deps.mailer, jobRunner };
  const realtime = new RealtimeHub(deps.database);
  app.addHook("onClose", () => realtime.close());
  await app.register(async (api) => {
    // The product's routes only: a route added to the app from outside (a test's) keeps its own.
    registerRequestTransactions(api, deps.database.db);
    await authRoutes(api, d);
    await apiKeyRoutes(api, d);
    await organisationRoutes(api, d);
    await organisationDataRoutes(api, d);
    await taxRoutes(api, d);
    await customerRoutes(api, d);
    await importRoutes(api, d);
    await backgroundJobRoutes(api, d);
    await reminderRoutes(api, d);
    await emailTemplateRoutes(api, d);
    await invoiceRoutes(api, d);
    await recurringRoutes(api, d);
    await testClockRoutes(api, d);
    await quoteRoutes(api, d);
    await outboxRoutes(api, d);
    await notificationRoutes(api, d);
    await portalRoutes(api, d);
    await savedMethodRoutes(api, d);
    await portalAccessRoutes(api, d);
    await portalAuthRoutes(api, d);
    await auditRoutes(api, d);
    await portalQuoteRoutes(api, d);
    await salesOrderRoutes(api, d);
    await projectRoutes(api, d);
    await portalSalesOrderRoutes(api, d);
    await timesheetRoutes(api, d);
    await portalTimesheetRoutes(api, d);
    await messageRoutes(api, d);
    await portalMessageRoutes(api, d);
    await portalHomeRoutes(api, d);
    await portalCreditRoutes(api, d);
    await sandboxGatewayRoutes(api, d);
    await paymentRoutes(api, d);
    await gatewaySettingsRoutes(api, d);
    await gatewayCredentialRoutes(api, d);
    await gatewayNotifyRoutes(api, d);
    await gatewayFormRoutes(api, d);
    await paypalRoutes(api, d);
    await receiptRoutes(api, d);
    await commentRoutes(api, d);
    await shareRoutes(api, d);
    await signupRoutes(api, d);
    await onboardingRoutes(api, d);
    await statementRoutes(api, d);
    await portalStatementRoutes(api, d);
    await teamRoutes(api, d);
    await teamInvitationRoutes(api, d);
    await appointmentRoutes(api, d);
    await portalAppointmentRoutes(api, d);
    await reviewRoutes(api, d);
    await notificationPreferenceRoutes(api, d);
    await verifactuRoutes(api, d);
    await einvoiceUblRoutes(api, d);
    await facturaeRoutes(api, d);
    await verifactuRecordXmlRoutes(api, d);
    await searchRoutes(api, d);
    await exportRoutes(api, d);
    await eventRoutes(api, d, realtime, deps.liveHeartbeatMs ?? HEARTBEAT_MS);
  });

  if (deps.serveWeb && existsSync(webDir)) registerWebApps(app, webDir);
  return app;
}

/**
 * The OpenAPI document names the staff policy's action of every back-office route (`x-staff-action`,
 * issue 12 §3): API clients see what role a call needs, and roles.test.ts reviews the whole table.
 */
/**
 * Back-office routes in the OpenAPI document: the staff policy's action (`x-staff-action`) and how they are
 * signed in: a session, or (but for a person's account, the keys and the team) an API key.
 */
const withStaffActions: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const hooks = [input.route.onRequest ?? []].flat();
  if (!hooks.some(isStaffHook)) return out;
  const method = [input.route.method].flat()[0] ?? "GET";
  const security: Record<string, string[]>[] = [{ staffSession: [] }];
  if (acceptsApiKey(input.url)) security.push({ apiKey: [] });
  return {
    ...out,
    schema: { ...out.schema, security, "x-staff-action": staffActionOf(method, input.route.config) },
  };
};

/** A hop count as Fastify applies it (its types only take the function form): the nearest `hops` proxies. */
function fastifyTrustProxy(t: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof t === "number" ? (_address, hop) => hop < t : t;
}
