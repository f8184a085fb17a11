import { useMemo } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { isApiError } from "../ui/api-client.js";
import { baseTheme, brandTheme } from "../ui/brand-theme.js";
import { lazyPage } from "../ui/lazy-page.js";
import { ErrorState, PageLoader } from "../ui/page-states.js";
import { MantineShell } from "../ui/providers.js";
import { publicAuthRoute, signedInAuthRoutes } from "./auth/auth-routes.js";
import { useBranding } from "./portal-api.js";
import { PortalLayout } from "./portal-layout.js";
import { basename } from "./slug.js";
import { UnavailablePage } from "./status-pages.js";

const router = createBrowserRouter(
  [
    publicAuthRoute,
    {
      path: "/",
      element: <PortalLayout />,
      children: [
        { index: true, element: lazyPage(() => import("./home/home-page.js"), "HomePage") },
        { path: "invoices", element: lazyPage(() => import("./invoices-page.js"), "InvoicesPage") },
        {
          path: "invoices/:id",
          element: lazyPage(() => import("./invoice-detail-page.js"), "InvoiceDetailPage"),
        },
        {
          path: "payments",
          element: lazyPage(() => import("./payments/payments-page.js"), "PortalPaymentsPage"),
        },
        {
          path: "payments/:id",
          element: lazyPage(() => import("./payments/receipt-page.js"), "PortalReceiptPage"),
        },
        { path: "quotes", element: lazyPage(() => import("./quotes/quotes-page.js"), "PortalQuotesPage") },
        {
          path: "quotes/:id",
          element: lazyPage(() => import("./quotes/quote-detail-page.js"), "PortalQuoteDetailPage"),
        },
        {
          path: "sales-orders",
          element: lazyPage(() => import("./sales-orders/sales-orders-page.js"), "PortalSalesOrdersPage"),
        },
        {
          path: "sales-orders/:id",
          element: lazyPage(
            () => import("./sales-orders/sales-order-detail-page.js"),
            "PortalSalesOrderDetailPage",
          ),
        },
        {
          path: "timesheets",
          element: lazyPage(() => import("./timesheets/timesheets-page.js"), "PortalTimesheetsPage"),
        },
        {
          path: "timesheets/:id",
          element: lazyPage(
            () => import("./timesheets/timesheet-detail-page.js"),
            "PortalTimesheetDetailPage",
          ),
        },
        {
          path: "projects",
          element: lazyPage(() => import("./timesheets/projects-page.js"), "PortalProjectsPage"),
        },
        {
          path: "projects/:id",
          element: lazyPage(() => import("./timesheets/project-detail-page.js"), "PortalProjectDetailPage"),
        },
        {
          path: "messages",
          element: lazyPage(() => import("./messages/messages-pages.js"), "PortalMessagesPage"),
        },
        {
          path: "messages/new",
          element: lazyPage(() => import("./messages/messages-pages.js"), "PortalNewMessagePage"),
        },
        {
          path: "messages/:id",
          element: lazyPage(() => import("./messages/messages-pages.js"), "PortalMessagePage"),
        },
        {
          path: "appointments",
          element: lazyPage(() => import("./appointments/appointments-page.js"), "PortalAppointmentsPage"),
        },
        {
          path: "statement",
          element: lazyPage(() => import("./statement/statement-page.js"), "StatementPage"),
        },
        { path: "review", element: lazyPage(() => import("./reviews/review-page.js"), "PortalReviewPage") },
        { path: "account", element: lazyPage(() => import("./account/my-details-page.js"), "MyDetailsPage") },
        ...signedInAuthRoutes,
        { path: "*", element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename },
);

/** Loads the organisation's branding first: its colour becomes the theme of everything below. */
export function PortalRoot() {
  const branding = useBranding();
  const color = branding.data?.brandColor;
  const theme = useMemo(() => (color ? brandTheme(color) : baseTheme), [color]);
  if (branding.data?.name) document.title = branding.data.name;

  return (
    <MantineShell theme={theme}>
      {branding.isPending ? <PageLoader /> : null}
      {branding.isError && isApiError(branding.error, 404) ? <UnavailablePage /> : null}
      {branding.isError && !isApiError(branding.error, 404) ? (
        <ErrorState error={branding.error} onRetry={() => void branding.refetch()} />
      ) : null}
      {branding.data ? <RouterProvider router={router} /> : null}
    </MantineShell>
  );
}
