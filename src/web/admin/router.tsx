import { createBrowserRouter, Navigate } from "react-router";
import { lazyPage } from "../ui/lazy-page.js";
import { DashboardPage } from "./dashboard/dashboard-page.js";
import { AppLayout } from "./layout/app-layout.js";
import { LoginPage } from "./layout/login-page.js";
import { NotFoundPage } from "./layout/not-found-page.js";
import { RequireAuth } from "./require-auth.js";

export const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    { path: "/signup", element: lazyPage(() => import("./signup/signup-page.js"), "SignupPage") },
    {
      path: "/forgot-password",
      element: lazyPage(() => import("./account/staff-password-pages.js"), "StaffForgotPasswordPage"),
    },
    {
      path: "/reset-password",
      element: lazyPage(() => import("./account/staff-password-pages.js"), "StaffResetPasswordPage"),
    },
    {
      path: "/unsubscribe",
      element: lazyPage(() => import("./settings/unsubscribe-page.js"), "UnsubscribePage"),
    },
    {
      path: "/invitation/:token",
      element: lazyPage(() => import("./team/invitation-page.js"), "TeamInvitationPage"),
    },
    {
      path: "/",
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <DashboardPage /> },
        {
          path: "customers",
          element: lazyPage(() => import("./customers/customers-page.js"), "CustomersPage"),
        },
        {
          path: "customers/new",
          element: lazyPage(() => import("./customers/customer-create-page.js"), "CustomerCreatePage"),
        },
        {
          path: "customers/import",
          element: lazyPage(() => import("./imports/import-page.js"), "ImportPage"),
        },
        {
          path: "customers/:id",
          element: lazyPage(() => import("./customers/customer-edit-page.js"), "CustomerEditPage"),
        },
        { path: "invoices", element: lazyPage(() => import("./invoices/invoices-page.js"), "InvoicesPage") },
        {
          path: "invoices/new",
          element: lazyPage(() => import("./invoices/invoice-editor-pages.js"), "NewInvoicePage"),
        },
        {
          path: "invoices/:id",
          element: lazyPage(() => import("./invoices/invoice-detail-page.js"), "InvoiceDetailPage"),
        },
        {
          path: "invoices/:id/edit",
          element: lazyPage(() => import("./invoices/invoice-editor-pages.js"), "EditInvoicePage"),
        },
        { path: "payments", element: lazyPage(() => import("./payments/payments-page.js"), "PaymentsPage") },
        {
          path: "payments/new",
          element: lazyPage(() => import("./payments/record-payment-page.js"), "RecordPaymentPage"),
        },
        {
          path: "payments/:id",
          element: lazyPage(() => import("./payments/payment-detail-page.js"), "PaymentDetailPage"),
        },
        {
          path: "recurring",
          element: lazyPage(() => import("./recurring/recurring-list-page.js"), "RecurringListPage"),
        },
        {
          path: "recurring/new",
          element: lazyPage(() => import("./recurring/recurring-editor-pages.js"), "NewRecurringPage"),
        },
        {
          path: "recurring/:id",
          element: lazyPage(() => import("./recurring/recurring-detail-page.js"), "RecurringDetailPage"),
        },
        {
          path: "recurring/:id/edit",
          element: lazyPage(() => import("./recurring/recurring-editor-pages.js"), "EditRecurringPage"),
        },
        { path: "quotes", element: lazyPage(() => import("./quotes/quotes-page.js"), "QuotesPage") },
        {
          path: "quotes/new",
          element: lazyPage(() => import("./quotes/quote-editor-pages.js"), "NewQuotePage"),
        },
        {
          path: "quotes/:id",
          element: lazyPage(() => import("./quotes/quote-detail-page.js"), "QuoteDetailPage"),
        },
        {
          path: "quotes/:id/edit",
          element: lazyPage(() => import("./quotes/quote-editor-pages.js"), "EditQuotePage"),
        },
        {
          path: "sales-orders",
          element: lazyPage(() => import("./sales-orders/sales-orders-page.js"), "SalesOrdersPage"),
        },
        {
          path: "sales-orders/new",
          element: lazyPage(() => import("./sales-orders/sales-order-editor-pages.js"), "NewSalesOrderPage"),
        },
        {
          path: "sales-orders/:id",
          element: lazyPage(
            () => import("./sales-orders/sales-order-detail-page.js"),
            "SalesOrderDetailPage",
          ),
        },
        {
          path: "sales-orders/:id/edit",
          element: lazyPage(() => import("./sales-orders/sales-order-editor-pages.js"), "EditSalesOrderPage"),
        },
        { path: "projects", element: lazyPage(() => import("./projects/projects-page.js"), "ProjectsPage") },
        {
          path: "appointments",
          element: lazyPage(() => import("./appointments/appointments-page.js"), "AppointmentsPage"),
        },
        {
          path: "appointments/:id",
          element: lazyPage(() => import("./appointments/appointments-page.js"), "AppointmentsPage"),
        },
        {
          path: "projects/:id",
          element: lazyPage(() => import("./projects/project-page.js"), "ProjectPage"),
        },
        { path: "messages", element: lazyPage(() => import("./messages/messages-pages.js"), "MessagesPage") },
        {
          path: "messages/new",
          element: lazyPage(() => import("./messages/messages-pages.js"), "NewMessagePage"),
        },
        {
          path: "messages/:id",
          element: lazyPage(() => import("./messages/messages-pages.js"), "MessagePage"),
        },
        {
          path: "timesheets",
          element: lazyPage(() => import("./timesheets/timesheets-page.js"), "TimesheetsPage"),
        },
        {
          path: "timesheets/:id",
          element: lazyPage(() => import("./timesheets/timesheet-detail-page.js"), "TimesheetDetailPage"),
        },
        { path: "reviews", element: lazyPage(() => import("./reviews/reviews-page.js"), "ReviewsPage") },
        {
          path: "portal-access",
          element: lazyPage(() => import("./portal-access/bulk-invite-page.js"), "BulkInvitePage"),
        },
        { path: "outbox", element: lazyPage(() => import("./outbox/outbox-page.js"), "OutboxPage") },
        {
          path: "background-jobs",
          element: lazyPage(() => import("./background-jobs/background-jobs-page.js"), "BackgroundJobsPage"),
        },
        {
          path: "outbox/:id",
          element: lazyPage(() => import("./outbox/email-detail-page.js"), "EmailDetailPage"),
        },
        { path: "settings", element: <Navigate to="/settings/organisation" replace /> },
        {
          path: "settings/:tab",
          element: lazyPage(() => import("./settings/settings-page.js"), "SettingsPage"),
        },
        {
          path: "account/password",
          element: lazyPage(() => import("./account/staff-password-pages.js"), "StaffChangePasswordPage"),
        },
        {
          path: "account/two-factor",
          element: lazyPage(() => import("./account/two-factor-panel.js"), "TwoFactorPanel"),
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/app" },
);
