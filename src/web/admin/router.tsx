import { createBrowserRouter, Navigate } from "react-router";
import {
  StaffChangePasswordPage,
  StaffForgotPasswordPage,
  StaffResetPasswordPage,
} from "./account/staff-password-pages.js";
import { TwoFactorPanel } from "./account/two-factor-panel.js";
import { CustomerCreatePage } from "./customers/customer-create-page.js";
import { CustomerEditPage } from "./customers/customer-edit-page.js";
import { CustomersPage } from "./customers/customers-page.js";
import { DashboardPage } from "./dashboard/dashboard-page.js";
import { ImportPage } from "./imports/import-page.js";
import { InvoiceDetailPage } from "./invoices/invoice-detail-page.js";
import { EditInvoicePage, NewInvoicePage } from "./invoices/invoice-editor-pages.js";
import { InvoicesPage } from "./invoices/invoices-page.js";
import { AppLayout } from "./layout/app-layout.js";
import { LoginPage } from "./layout/login-page.js";
import { NotFoundPage } from "./layout/not-found-page.js";
import { EmailDetailPage } from "./outbox/email-detail-page.js";
import { OutboxPage } from "./outbox/outbox-page.js";
import { PaymentDetailPage } from "./payments/payment-detail-page.js";
import { PaymentsPage } from "./payments/payments-page.js";
import { RecordPaymentPage } from "./payments/record-payment-page.js";
import { BulkInvitePage } from "./portal-access/bulk-invite-page.js";
import { QuoteDetailPage } from "./quotes/quote-detail-page.js";
import { EditQuotePage, NewQuotePage } from "./quotes/quote-editor-pages.js";
import { QuotesPage } from "./quotes/quotes-page.js";
import { RequireAuth } from "./require-auth.js";
import { SalesOrderDetailPage } from "./sales-orders/sales-order-detail-page.js";
import { EditSalesOrderPage, NewSalesOrderPage } from "./sales-orders/sales-order-editor-pages.js";
import { SalesOrdersPage } from "./sales-orders/sales-orders-page.js";
import { SettingsPage } from "./settings/settings-page.js";
import { SignupPage } from "./signup/signup-page.js";
import { TeamInvitationPage } from "./team/invitation-page.js";

export const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    { path: "/signup", element: <SignupPage /> },
    { path: "/forgot-password", element: <StaffForgotPasswordPage /> },
    { path: "/reset-password", element: <StaffResetPasswordPage /> },
    { path: "/invitation/:token", element: <TeamInvitationPage /> },
    {
      path: "/",
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <DashboardPage /> },
        { path: "customers", element: <CustomersPage /> },
        { path: "customers/new", element: <CustomerCreatePage /> },
        { path: "customers/import", element: <ImportPage /> },
        { path: "customers/:id", element: <CustomerEditPage /> },
        { path: "invoices", element: <InvoicesPage /> },
        { path: "invoices/new", element: <NewInvoicePage /> },
        { path: "invoices/:id", element: <InvoiceDetailPage /> },
        { path: "invoices/:id/edit", element: <EditInvoicePage /> },
        { path: "payments", element: <PaymentsPage /> },
        { path: "payments/new", element: <RecordPaymentPage /> },
        { path: "payments/:id", element: <PaymentDetailPage /> },
        { path: "quotes", element: <QuotesPage /> },
        { path: "quotes/new", element: <NewQuotePage /> },
        { path: "quotes/:id", element: <QuoteDetailPage /> },
        { path: "quotes/:id/edit", element: <EditQuotePage /> },
        { path: "sales-orders", element: <SalesOrdersPage /> },
        { path: "sales-orders/new", element: <NewSalesOrderPage /> },
        { path: "sales-orders/:id", element: <SalesOrderDetailPage /> },
        { path: "sales-orders/:id/edit", element: <EditSalesOrderPage /> },
        { path: "portal-access", element: <BulkInvitePage /> },
        { path: "outbox", element: <OutboxPage /> },
        { path: "outbox/:id", element: <EmailDetailPage /> },
        { path: "settings", element: <Navigate to="/settings/organisation" replace /> },
        { path: "settings/:tab", element: <SettingsPage /> },
        { path: "account/password", element: <StaffChangePasswordPage /> },
        { path: "account/two-factor", element: <TwoFactorPanel /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/app" },
);
