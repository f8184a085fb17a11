import { Navigate, type RouteObject } from "react-router";
import { lazyPage } from "../../ui/lazy-page.js";
import { PublicAuthLayout } from "./auth-layout.js";

/** Pages that work without a session (their own layout, outside the one that needs /me). */
export const publicAuthRoute: RouteObject = {
  element: <PublicAuthLayout />,
  children: [
    {
      path: "forgot-password",
      element: lazyPage(() => import("./forgot-password-page.js"), "ForgotPasswordPage"),
    },
    {
      path: "reset-password",
      element: lazyPage(() => import("./reset-password-page.js"), "ResetPasswordPage"),
    },
    {
      path: "invitation/:token",
      element: lazyPage(() => import("./accept-invitation-page.js"), "AcceptInvitationPage"),
    },
  ],
};

/**
 * Children of the signed-in layout. `/login` needs no page of its own: without a session the layout
 * shows the sign-in form on every path, and once signed in /login moves on to the home page (E1).
 */
export const signedInAuthRoutes: RouteObject[] = [
  { path: "login", element: <Navigate to="/" replace /> },
  {
    path: "account/password",
    element: lazyPage(() => import("./change-password-page.js"), "ChangePasswordPage"),
  },
];
