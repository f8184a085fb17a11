import { useMemo } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { isApiError } from "../ui/api-client.js";
import { baseTheme, brandTheme } from "../ui/brand-theme.js";
import { ErrorState, PageLoader } from "../ui/page-states.js";
import { MantineShell } from "../ui/providers.js";
import { MyDetailsPage } from "./account/my-details-page.js";
import { publicAuthRoute, signedInAuthRoutes } from "./auth/auth-routes.js";
import { HomePage } from "./home/home-page.js";
import { InvoiceDetailPage } from "./invoice-detail-page.js";
import { InvoicesPage } from "./invoices-page.js";
import { PortalPaymentsPage } from "./payments/payments-page.js";
import { PortalReceiptPage } from "./payments/receipt-page.js";
import { useBranding } from "./portal-api.js";
import { PortalLayout } from "./portal-layout.js";
import { PortalQuoteDetailPage } from "./quotes/quote-detail-page.js";
import { PortalQuotesPage } from "./quotes/quotes-page.js";
import { PortalSalesOrderDetailPage } from "./sales-orders/sales-order-detail-page.js";
import { PortalSalesOrdersPage } from "./sales-orders/sales-orders-page.js";
import { basename } from "./slug.js";
import { StatementPage } from "./statement/statement-page.js";
import { UnavailablePage } from "./status-pages.js";

const router = createBrowserRouter(
  [
    publicAuthRoute,
    {
      path: "/",
      element: <PortalLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: "invoices", element: <InvoicesPage /> },
        { path: "invoices/:id", element: <InvoiceDetailPage /> },
        { path: "payments", element: <PortalPaymentsPage /> },
        { path: "payments/:id", element: <PortalReceiptPage /> },
        { path: "quotes", element: <PortalQuotesPage /> },
        { path: "quotes/:id", element: <PortalQuoteDetailPage /> },
        { path: "sales-orders", element: <PortalSalesOrdersPage /> },
        { path: "sales-orders/:id", element: <PortalSalesOrderDetailPage /> },
        { path: "statement", element: <StatementPage /> },
        { path: "account", element: <MyDetailsPage /> },
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
