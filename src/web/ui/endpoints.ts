import type {
  ConvertQuoteAnswer,
  ConvertQuoteBody,
  DeclineQuoteBody,
  InvoiceSalesOrderResult,
  LoginBody,
  NotificationList,
  OkResponse,
  PayAllBody,
  PayInvoiceBody,
  PayResult,
  PortalCommentBody,
  PortalForgotBody,
  SendInvoiceBody,
  SendInvoiceResult,
  SendQuoteBody,
  SendQuoteResult,
  SendSalesOrderBody,
  SendSalesOrderResult,
  StaffCommentBody,
  StaffForgotBody,
  VerifyEvidenceResult,
} from "../../shared/contracts/answers.js";
import type {
  Appointment,
  AvailabilitySettings,
  BookAppointmentBody,
  CancelAppointmentBody,
  PortalAppointment,
  RescheduleAppointmentBody,
  SlotsResponse,
} from "../../shared/contracts/appointments.js";
import type { FailedJob } from "../../shared/contracts/background-jobs.js";
import type {
  EmailTemplate,
  EmailTemplateInput,
  EmailTemplateList,
  EmailTemplatePreview,
} from "../../shared/contracts/email-templates.js";
import type { GatewayCredentialsBody, GatewayCredentialsStatus } from "../../shared/contracts/gateways.js";
import type {
  AcceptQuoteBody,
  ActivityPage,
  ApiKey,
  ApplyBody,
  ApplyCreditBody,
  ApplyCreditResult,
  AuthOptions,
  BulkInviteBody,
  BulkInviteReport,
  Comment,
  Contact,
  ContactInput,
  ContactPortalAccess,
  CreateApiKeyBody,
  CreateCustomerBody,
  CreatedApiKey,
  CreateTaxBody,
  Customer,
  CustomerBalance,
  CustomerSummary,
  EmailDetail,
  EmailSummary,
  EnablePortalAccessBody,
  ImportBody,
  ImportJob,
  ImportPreview,
  InvoiceDetail,
  InvoiceDraftBody,
  InvoiceSalesOrderBody,
  InvoiceSummary,
  IssueDateBody,
  MyDetails,
  NewOrganisationBody,
  OnboardingResponse,
  OrganisationProfile,
  PaymentDetail,
  PaymentSummary,
  PortalAccessChanged,
  PortalBranding,
  PortalChangePasswordBody,
  PortalComment,
  PortalHome,
  PortalInvitation,
  PortalInvoiceDetail,
  PortalInvoicePage,
  PortalLoginBody,
  PortalMe,
  PortalPaymentDetail,
  PortalPaymentSummary,
  PortalQuoteDetail,
  PortalQuoteSummary,
  PortalResetBody,
  PortalSalesOrderDetail,
  PortalSalesOrderSummary,
  PortalSettingsBody,
  PortalSettingsResponse,
  PreviewResult,
  PurchaseHistory,
  QuoteDetail,
  QuoteDraftBody,
  QuoteSummary,
  RecordPaymentBody,
  RefundBody,
  SalesOrderDetail,
  SalesOrderDraftBody,
  SalesOrderSummary,
  SavedMethodList,
  ShareDocumentBody,
  ShareDocumentResult,
  SignupBody,
  SlugCheckResponse,
  StaffChangePasswordBody,
  StaffMe,
  StaffOrganisations,
  StaffResetBody,
  Statement,
  Tax,
  TwoFactorRecoveryCodes,
  TwoFactorSetup,
  TwoFactorStatus,
  UpdateContactBody,
  UpdateMyDetailsBody,
  UpdateOrganisationBody,
} from "../../shared/contracts/index.js";
import type {
  MyNotificationPrefs,
  MyNotificationPrefsBody,
  UnsubscribeState,
} from "../../shared/contracts/notification-preferences.js";
import type {
  InvoiceTimeBody,
  InvoiceTimeResult,
  ProjectBody,
  ProjectDetail,
  ProjectSummary,
  ProjectTaskBody,
  ProjectUpdateBody,
  RunningTimer,
  StaffRate,
  TimeEntry,
  TimeEntryBody,
  TimerStartBody,
} from "../../shared/contracts/projects.js";
import type {
  RecurringInvoice,
  RecurringProfileBody,
  RecurringProfileDetail,
  RecurringProfileSummary,
} from "../../shared/contracts/recurring.js";
import type { ReminderSettings } from "../../shared/contracts/reminders.js";
import type {
  PortalReview,
  PortalReviewResult,
  Review,
  ReviewBody,
  ReviewList,
} from "../../shared/contracts/reviews.js";
import type { SearchResponse } from "../../shared/contracts/search.js";
import type {
  AcceptTeamInvitationBody,
  InviteMemberBody,
  TeamInvitation,
  TeamInvitationInfo,
  TeamMember,
  TeamResponse,
} from "../../shared/contracts/team.js";
import type {
  ApproveTimesheetBody,
  PortalProjectDetail,
  PortalProjectSummary,
  PortalTimesheetDetail,
  PortalTimesheetSummary,
  RejectTimesheetBody,
  SubmitTimesheetBody,
  TimesheetDetail,
  TimesheetListTotals,
  TimesheetPage,
} from "../../shared/contracts/timesheets.js";
import type {
  VerifactuRecordPage,
  VerifactuSettings,
  VerifactuSettingsBody,
  VerifactuVerifyResult,
} from "../../shared/contracts/verifactu.js";

/** The path segment of each sales document kind, as the routes spell it. */
export type DocumentSegment = "invoices" | "quotes" | "sales-orders";

import type { SigningCertificateBody, SigningCertificateStatus } from "../../shared/contracts/facturae.js";
import type { ListPage, ListTotals } from "../../shared/contracts/list-page.js";
import type {
  Message,
  MessageReplyBody,
  MessageThreadDetail,
  MessageThreadPage,
  NewMessageThreadBody,
  NewStaffMessageThreadBody,
  UnreadMessages,
} from "../../shared/contracts/messages.js";

type Reply<R> = { response: R };
type Send<B, R> = { body: B; response: R };
/** Settings → Payments: enabled, run by the server, and (of the enabled) offered to payers online. */
type GatewaySettingsReply = { enabled: string[]; available: string[]; offered: string[] };

/**
 * Every route the web apps call, as "METHOD /path" with the server's `:param` names, bound to the contracts'
 * types of its body and its answer: `api.get("/api/customers/:id", …)` answers a `Customer` and
 * `api.post("/api/customers", { body })` takes a `CreateCustomerBody`. A route the table lacks does not
 * type-check. A body marked optional (`body?`) may be left out (an empty object is sent).
 */
export interface Endpoints {
  // Staff session and password
  "GET /api/auth/me": Reply<StaffMe>;
  "POST /api/auth/login": Send<LoginBody, StaffMe>;
  "POST /api/auth/logout": Reply<OkResponse>;
  "POST /api/auth/password/forgot": Send<StaffForgotBody, OkResponse>;
  "POST /api/auth/password/reset": Send<StaffResetBody, OkResponse>;
  "POST /api/auth/password/change": Send<StaffChangePasswordBody, OkResponse>;
  // Two-factor sign-in (decision 022)
  "GET /api/auth/2fa": Reply<TwoFactorStatus>;
  "POST /api/auth/2fa/setup": Reply<TwoFactorSetup>;
  "POST /api/auth/2fa/enable": Send<{ code: string }, TwoFactorRecoveryCodes>;
  "POST /api/auth/2fa/disable": Send<{ password: string }, OkResponse>;
  "PUT /api/organisation/two-factor": Send<{ required: boolean }, { required: boolean }>;
  // The team (issue 12 §3)
  "GET /api/auth/invitation/:token": Reply<TeamInvitationInfo>;
  "POST /api/auth/invitation/accept": Send<AcceptTeamInvitationBody, StaffMe>;
  "GET /api/team": Reply<TeamResponse>;
  "POST /api/team/invitations": Send<InviteMemberBody, TeamInvitation>;
  "DELETE /api/team/invitations/:id": Reply<OkResponse>;
  "PUT /api/team/members/:userId/role": Send<{ role: TeamMember["role"] }, TeamMember>;
  "POST /api/team/members/:userId/disable": Reply<TeamMember>;
  "POST /api/team/members/:userId/enable": Reply<TeamMember>;

  // Organisation, taxes, outbox, notifications
  "GET /api/organisation": Reply<OrganisationProfile>;
  "PUT /api/organisation": Send<UpdateOrganisationBody, OrganisationProfile>;
  "PUT /api/organisation/logo": { blob: Blob; response: { logoUrl: string | null } };
  "DELETE /api/organisation/logo": Reply<OkResponse>;
  "POST /api/organisation/delete": Send<{ slug: string }, undefined>;
  "GET /api/portal-settings": Reply<PortalSettingsResponse>;
  "PUT /api/portal-settings": Send<PortalSettingsBody, PortalSettingsResponse>;
  "GET /api/reminder-settings": Reply<ReminderSettings>;
  "PUT /api/reminder-settings": Send<ReminderSettings, ReminderSettings>;
  // VERI*FACTU mode and its billing records (issue 17 §1, decision 049)
  "GET /api/verifactu/settings": Reply<VerifactuSettings>;
  "PUT /api/verifactu/settings": Send<VerifactuSettingsBody, VerifactuSettings>;
  "GET /api/verifactu/records": Reply<VerifactuRecordPage>;
  "POST /api/verifactu/verify": Reply<VerifactuVerifyResult>;
  // Editable email templates (issue 16 §5, decision 046)
  "GET /api/email-templates": Reply<EmailTemplateList>;
  "GET /api/email-templates/:kind/:language": Reply<EmailTemplate>;
  "PUT /api/email-templates/:kind/:language": Send<EmailTemplateInput, EmailTemplate>;
  "DELETE /api/email-templates/:kind/:language": Reply<EmailTemplate>;
  "POST /api/email-templates/:kind/:language/preview": Send<EmailTemplateInput, EmailTemplatePreview>;
  "POST /api/email-templates/:kind/:language/test": Send<EmailTemplateInput, { to: string }>;
  "GET /api/taxes": Reply<Tax[]>;
  // Sign-up, the organisations of a person, the first-run checklist
  "GET /api/auth/options": Reply<AuthOptions>;
  "GET /api/signup/slug": Reply<SlugCheckResponse>;
  "POST /api/signup": Send<SignupBody, StaffMe>;
  "POST /api/organisations": Send<NewOrganisationBody, StaffMe>;
  "POST /api/auth/switch": Send<{ orgId: string }, StaffMe>;
  "GET /api/auth/organisations": Reply<StaffOrganisations>;
  "GET /api/onboarding": Reply<OnboardingResponse>;
  // API keys (owners and admins)
  "GET /api/api-keys": Reply<ApiKey[]>;
  "POST /api/api-keys": Send<CreateApiKeyBody, CreatedApiKey>;
  "POST /api/api-keys/:id/revoke": Reply<ApiKey>;
  // Settings → Payments (issue 13)
  "GET /api/payment-gateways": Reply<GatewaySettingsReply>;
  "PUT /api/payment-gateways": Send<{ enabled: string[] }, GatewaySettingsReply>;
  "PUT /api/invoices/:id/gateways": Send<{ gateways: string[] }, { gateways: string[] }>;
  "GET /api/payment-gateways/credentials": Reply<GatewayCredentialsStatus[]>;
  "PUT /api/payment-gateways/:gateway/credentials": Send<GatewayCredentialsBody, GatewayCredentialsStatus>;
  "DELETE /api/payment-gateways/:gateway/credentials": Reply<undefined>;
  "POST /api/payment-gateways/:gateway/test": Reply<{ ok: true }>;
  "POST /api/taxes": Send<CreateTaxBody, Tax>;
  "GET /api/outbox": Reply<ListPage<EmailSummary>>;
  "GET /api/outbox/totals": Reply<ListTotals>;
  "GET /api/outbox/:id": Reply<EmailDetail>;
  "GET /api/background-jobs": Reply<ListPage<FailedJob>>;
  "GET /api/background-jobs/totals": Reply<ListTotals>;
  "POST /api/background-jobs/:id/retry": Reply<FailedJob>;
  // Projects and time (issue 15 §4, decision 039)
  "GET /api/projects": Reply<ListPage<ProjectSummary>>;
  "GET /api/projects/totals": Reply<ListTotals>;
  "POST /api/projects": Send<ProjectBody, ProjectDetail>;
  "GET /api/projects/:id": Reply<ProjectDetail>;
  "PUT /api/projects/:id": Send<ProjectUpdateBody, ProjectDetail>;
  "DELETE /api/projects/:id": Reply<OkResponse>;
  "POST /api/projects/:id/tasks": Send<ProjectTaskBody, ProjectDetail>;
  "PUT /api/projects/:id/tasks/:taskId": Send<ProjectTaskBody, ProjectDetail>;
  "DELETE /api/projects/:id/tasks/:taskId": Reply<ProjectDetail>;
  "GET /api/projects/:id/time-entries": Reply<TimeEntry[]>;
  "POST /api/projects/:id/invoice": Send<InvoiceTimeBody, InvoiceTimeResult>;
  "POST /api/time-entries": Send<TimeEntryBody, TimeEntry>;
  "PUT /api/time-entries/:id": Send<TimeEntryBody, TimeEntry>;
  "DELETE /api/time-entries/:id": Reply<OkResponse>;
  "GET /api/timer": Reply<RunningTimer>;
  "POST /api/timer/start": Send<TimerStartBody, RunningTimer>;
  "POST /api/timer/stop": Reply<TimeEntry>;
  "GET /api/staff-rates": Reply<StaffRate[]>;
  "PUT /api/staff-rates/:userId": Send<{ hourlyRateMinor: number | null }, StaffRate>;
  // Recurring invoice profiles (decision 037)
  "GET /api/recurring-profiles": Reply<ListPage<RecurringProfileSummary>>;
  "GET /api/recurring-profiles/totals": Reply<ListTotals>;
  "POST /api/recurring-profiles": Send<RecurringProfileBody, RecurringProfileDetail>;
  "GET /api/recurring-profiles/:id": Reply<RecurringProfileDetail>;
  "PUT /api/recurring-profiles/:id": Send<RecurringProfileBody, RecurringProfileDetail>;
  "DELETE /api/recurring-profiles/:id": Reply<OkResponse>;
  "POST /api/recurring-profiles/:id/pause": Reply<RecurringProfileDetail>;
  "POST /api/recurring-profiles/:id/resume": Reply<RecurringProfileDetail>;
  "POST /api/recurring-profiles/:id/stop": Reply<RecurringProfileDetail>;
  "GET /api/recurring-profiles/:id/invoices": Reply<RecurringInvoice[]>;
  "GET /api/notifications": Reply<NotificationList>;
  "POST /api/notifications/read-all": Reply<OkResponse>;

  // Customers, contacts, portal access
  "GET /api/customers": Reply<ListPage<CustomerSummary>>;
  "GET /api/customers/totals": Reply<ListTotals>;
  "POST /api/customers": Send<CreateCustomerBody, Customer>;
  "GET /api/customers/:id": Reply<Customer>;
  "PUT /api/customers/:id": Send<Omit<CreateCustomerBody, "contacts">, Customer>;
  "DELETE /api/customers/:id": Reply<OkResponse>;
  "POST /api/customers/:id/restore": Reply<Customer>;
  "POST /api/customers/:id/contacts": Send<ContactInput, Contact>;
  "PUT /api/customers/:customerId/contacts/:contactId": Send<UpdateContactBody, Customer>;
  "DELETE /api/customers/:customerId/contacts/:contactId": Reply<Customer>;
  "GET /api/customers/:id/balances": Reply<CustomerBalance[]>;
  "GET /api/customers/:customerId/portal-access": Reply<ContactPortalAccess[]>;
  "DELETE /api/customers/:customerId/portal-access": Reply<PortalAccessChanged>;
  "POST /api/customers/:customerId/contacts/:contactId/portal-access": Send<
    EnablePortalAccessBody,
    PortalAccessChanged
  >;
  "DELETE /api/customers/:customerId/contacts/:contactId/portal-access": Reply<PortalAccessChanged>;
  "POST /api/customers/:customerId/contacts/:contactId/portal-access/reinvite": Reply<PortalAccessChanged>;
  "POST /api/customers/:customerId/contacts/:contactId/preview": Reply<PreviewResult>;
  "POST /api/portal-access/bulk": Send<BulkInviteBody, BulkInviteReport>;
  "GET /api/customers/:customerId/activity": Reply<ActivityPage>;
  // CSV import (admins)
  "POST /api/imports/preview": Send<ImportBody, ImportPreview>;
  "POST /api/imports": Send<ImportBody, ImportJob>;
  "GET /api/imports/:id": Reply<ImportJob>;

  // Invoices
  "POST /api/invoices/:id/issue": { body?: IssueDateBody; response: InvoiceDetail };
  "POST /api/invoices/:id/void": Reply<InvoiceDetail>;
  "POST /api/invoices/:id/send": Send<SendInvoiceBody, SendInvoiceResult>;
  "POST /api/invoices/:id/apply": Send<ApplyBody, InvoiceDetail>;
  "POST /api/invoices/:id/refunds": Send<RefundBody, InvoiceDetail>;

  // Quotes
  "POST /api/quotes/:id/revise": Reply<QuoteDetail>;
  "POST /api/quotes/:id/convert": Send<ConvertQuoteBody, ConvertQuoteAnswer>;
  "POST /api/quotes/:id/send": Send<SendQuoteBody, SendQuoteResult>;
  "GET /api/quotes/:id/evidence/verify": Reply<VerifyEvidenceResult>;

  // Sales orders
  "POST /api/sales-orders/:id/confirm": { body?: IssueDateBody; response: SalesOrderDetail };
  "POST /api/sales-orders/:id/void": Reply<SalesOrderDetail>;
  "POST /api/sales-orders/:id/invoice": Send<InvoiceSalesOrderBody, InvoiceSalesOrderResult>;
  "POST /api/sales-orders/:id/send": Send<SendSalesOrderBody, SendSalesOrderResult>;

  // Payments
  "GET /api/payments": Reply<ListPage<PaymentSummary>>;
  "GET /api/payments/totals": Reply<ListTotals>;
  "POST /api/payments": Send<RecordPaymentBody, PaymentDetail>;
  "GET /api/payments/:id": Reply<PaymentDetail>;
  "POST /api/payments/:id/apply": Send<ApplyBody, PaymentDetail>;
  "POST /api/payments/:id/refunds": Send<RefundBody, PaymentDetail>;

  // Portal: session, password, invitation
  "GET /api/portal/:slug": Reply<PortalBranding>;
  "GET /api/portal/:slug/me": Reply<PortalMe>;
  "POST /api/portal/:slug/logout": Reply<OkResponse>;
  "POST /api/portal/:slug/login": Send<PortalLoginBody, OkResponse>;
  "POST /api/portal/:slug/password/forgot": Send<PortalForgotBody, OkResponse>;
  "POST /api/portal/:slug/password/reset": Send<PortalResetBody, OkResponse>;
  "POST /api/portal/:slug/password/change": Send<PortalChangePasswordBody, OkResponse>;
  "GET /api/portal/:slug/invitation/:token": Reply<PortalInvitation>;
  "POST /api/portal/:slug/invitation/accept": Send<PortalResetBody, OkResponse>;
  "GET /api/portal/:slug/me/details": Reply<MyDetails>;
  "PUT /api/portal/:slug/me/details": Send<UpdateMyDetailsBody, MyDetails>;
  "GET /api/portal/:slug/me/payment-methods": Reply<SavedMethodList>;
  "PUT /api/portal/:slug/me/payment-methods/:id/default": Reply<SavedMethodList>;
  "DELETE /api/portal/:slug/me/payment-methods/:id": Reply<SavedMethodList>;

  // Portal: home, documents, payments, statement
  "GET /api/portal/:slug/home": Reply<PortalHome>;
  "GET /api/portal/:slug/purchase-history": Reply<PurchaseHistory>;
  "POST /api/portal/:slug/pay-all": Send<PayAllBody, PayResult>;
  "POST /api/portal/:slug/apply-credit": Send<ApplyCreditBody, ApplyCreditResult>;
  "GET /api/portal/:slug/invoices": Reply<PortalInvoicePage>;
  "GET /api/portal/:slug/invoices/:id": Reply<PortalInvoiceDetail>;
  "POST /api/portal/:slug/invoices/:id/pay": Send<PayInvoiceBody, PayResult>;
  "GET /api/portal/:slug/quotes": Reply<PortalQuoteSummary[]>;
  "GET /api/portal/:slug/quotes/:id": Reply<PortalQuoteDetail>;
  "POST /api/portal/:slug/quotes/:id/accept": Send<AcceptQuoteBody, PortalQuoteDetail>;
  "POST /api/portal/:slug/quotes/:id/decline": Send<DeclineQuoteBody, PortalQuoteDetail>;
  "GET /api/portal/:slug/sales-orders": Reply<PortalSalesOrderSummary[]>;
  "GET /api/portal/:slug/sales-orders/:id": Reply<PortalSalesOrderDetail>;
  "GET /api/portal/:slug/timesheets": Reply<PortalTimesheetSummary[]>;
  "GET /api/portal/:slug/timesheets/:id": Reply<PortalTimesheetDetail>;
  "POST /api/portal/:slug/timesheets/:id/approve": Send<ApproveTimesheetBody, PortalTimesheetDetail>;
  "POST /api/portal/:slug/timesheets/:id/reject": Send<RejectTimesheetBody, PortalTimesheetDetail>;
  "GET /api/portal/:slug/timesheets/:id/comments": Reply<PortalComment[]>;
  "POST /api/portal/:slug/timesheets/:id/comments": Send<PortalCommentBody, PortalComment>;
  "GET /api/portal/:slug/projects": Reply<PortalProjectSummary[]>;
  "GET /api/portal/:slug/projects/:id": Reply<PortalProjectDetail>;
  "POST /api/projects/:id/timesheets": Send<SubmitTimesheetBody, TimesheetDetail>;
  "GET /api/timesheets": Reply<TimesheetPage>;
  "GET /api/timesheets/totals": Reply<TimesheetListTotals>;
  "GET /api/timesheets/:id": Reply<TimesheetDetail>;
  "POST /api/timesheets/:id/approve": Reply<TimesheetDetail>;
  "POST /api/timesheets/:id/reject": Send<RejectTimesheetBody, TimesheetDetail>;
  "GET /api/timesheets/:id/comments": Reply<Comment[]>;
  "POST /api/timesheets/:id/comments": Send<StaffCommentBody, Comment>;
  "GET /api/portal/:slug/payments": Reply<PortalPaymentSummary[]>;
  "GET /api/portal/:slug/payments/:id": Reply<PortalPaymentDetail>;
  "GET /api/portal/:slug/statement": Reply<Statement>;
  // Messages (E10)
  "GET /api/messages": Reply<MessageThreadPage>;
  "GET /api/messages/unread": Reply<UnreadMessages>;
  "POST /api/messages": Send<NewStaffMessageThreadBody, MessageThreadDetail>;
  "GET /api/messages/:id": Reply<MessageThreadDetail>;
  "POST /api/messages/:id/replies": Send<MessageReplyBody, Message>;
  "GET /api/portal/:slug/messages": Reply<MessageThreadPage>;
  "GET /api/portal/:slug/messages/unread": Reply<UnreadMessages>;
  "POST /api/portal/:slug/messages": Send<NewMessageThreadBody, MessageThreadDetail>;
  "GET /api/portal/:slug/messages/:id": Reply<MessageThreadDetail>;
  "POST /api/portal/:slug/messages/:id/replies": Send<MessageReplyBody, Message>;
  // Issue 16 §2 and §4 (decision 044): reviews and notification preferences.
  "GET /api/reviews": Reply<ReviewList>;
  "GET /api/reviews/:id": Reply<Review>;
  "GET /api/portal/:slug/review": Reply<PortalReviewResult>;
  "PUT /api/portal/:slug/review": Send<ReviewBody, PortalReview>;
  "DELETE /api/portal/:slug/review": Reply<OkResponse>;
  "GET /api/auth/notification-preferences": Reply<MyNotificationPrefs>;
  "PUT /api/auth/notification-preferences": Send<MyNotificationPrefsBody, MyNotificationPrefs>;
  "POST /api/organisation/unsubscribe-links/revoke": Reply<OkResponse>;
  // Facturae (issue 17 §3, decision 053): the signing certificate's facts; the files are downloads.
  "GET /api/organisation/signing-certificate": Reply<SigningCertificateStatus>;
  "PUT /api/organisation/signing-certificate": Send<SigningCertificateBody, SigningCertificateStatus>;
  "DELETE /api/organisation/signing-certificate": Reply<undefined>;
  "GET /api/portal/:slug/facturae": Reply<{ available: boolean }>;
  "GET /api/unsubscribe": Reply<UnsubscribeState>;
  "POST /api/unsubscribe": Reply<UnsubscribeState>;
  "POST /api/unsubscribe/undo": Reply<UnsubscribeState>;
  // Appointments (issue 16 §3).
  "GET /api/appointment-settings": Reply<AvailabilitySettings>;
  "PUT /api/appointment-settings": Send<AvailabilitySettings, AvailabilitySettings>;
  "GET /api/appointments": Reply<ListPage<Appointment>>;
  "GET /api/appointments/:id": Reply<Appointment>;
  "POST /api/appointments/:id/cancel": Send<CancelAppointmentBody, Appointment>;
  "GET /api/portal/:slug/appointment-slots": Reply<SlotsResponse>;
  "GET /api/portal/:slug/appointments": Reply<PortalAppointment[]>;
  "POST /api/portal/:slug/appointments": Send<BookAppointmentBody, PortalAppointment>;
  "POST /api/portal/:slug/appointments/:id/reschedule": Send<RescheduleAppointmentBody, PortalAppointment>;
  "POST /api/portal/:slug/appointments/:id/cancel": Send<CancelAppointmentBody, PortalAppointment>;
  // The header search box (issue 19, decision 059).
  "GET /api/search": Reply<SearchResponse>;
}

/** A sales document kind's list, create, read and update: the same four routes for each kind. */
type DocumentCrud<S extends DocumentSegment, Summary, Detail, Draft> = Record<
  `GET /api/${S}`,
  Reply<ListPage<Summary>>
> &
  Record<`GET /api/${S}/totals`, Reply<ListTotals>> &
  Record<`POST /api/${S}`, Send<Draft, Detail>> &
  Record<`GET /api/${S}/:id`, Reply<Detail>> &
  Record<`PUT /api/${S}/:id`, Send<Draft, Detail>>;

/** Routes the server registers once per document kind (`/api/${segment}/:id/…`). */
type PerDocument = {
  [S in DocumentSegment as `GET /api/${S}/:id/activity`]: Reply<ActivityPage>;
} & {
  [S in DocumentSegment as `GET /api/${S}/:id/comments`]: Reply<Comment[]>;
} & {
  [S in DocumentSegment as `POST /api/${S}/:id/comments`]: Send<StaffCommentBody, Comment>;
} & {
  [S in DocumentSegment as `GET /api/portal/:slug/${S}/:id/comments`]: Reply<PortalComment[]>;
} & {
  [S in DocumentSegment as `POST /api/portal/:slug/${S}/:id/comments`]: Send<
    PortalCommentBody,
    PortalComment
  >;
} & {
  [S in DocumentSegment as `POST /api/portal/:slug/${S}/:id/share`]: Send<
    ShareDocumentBody,
    ShareDocumentResult
  >;
};

export type Routes = Endpoints &
  PerDocument &
  DocumentCrud<"invoices", InvoiceSummary, InvoiceDetail, InvoiceDraftBody> &
  DocumentCrud<"quotes", QuoteSummary, QuoteDetail, QuoteDraftBody> &
  DocumentCrud<"sales-orders", SalesOrderSummary, SalesOrderDetail, SalesOrderDraftBody>;
export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Route = keyof Routes;

/** One method's routes by path: `TableOf<"DELETE">` maps every "/api/…" the table has a DELETE for. */
export type TableOf<M extends Method> = {
  [R in Route as R extends `${M} ${infer P}` ? P : never]: Routes[R];
};

export type PathOf<M extends Method> = keyof TableOf<M> & string;

export type EndpointOf<M extends Method, P extends PathOf<M>> =
  TableOf<M> extends infer T ? (P extends keyof T ? T[P] : never) : never;
