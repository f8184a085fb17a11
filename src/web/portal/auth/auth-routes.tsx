import { Navigate, type RouteObject } from "react-router";
import { AcceptInvitationPage } from "./accept-invitation-page.js";
import { PublicAuthLayout } from "./auth-layout.js";
import { ChangePasswordPage } from "./change-password-page.js";
import { ForgotPasswordPage } from "./forgot-password-page.js";
import { ResetPasswordPage } from "./reset-password-page.js";

/** Pages that work without a session (their own layout, outside the one that needs /me). */
export const publicAuthRoute: RouteObject = {
  element: <PublicAuthLayout />,
  children: [
    { path: "forgot-password", element: <ForgotPasswordPage /> },
    { path: "reset-password", element: <ResetPasswordPage /> },
    { path: "invitation/:token", element: <AcceptInvitationPage /> },
  ],
};

/**
 * Children of the signed-in layout. `/login` needs no page of its own: without a session the layout
 * shows the sign-in form on every path, and once signed in /login moves on to the home page (E1).
 */
export const signedInAuthRoutes: RouteObject[] = [
  { path: "login", element: <Navigate to="/" replace /> },
  { path: "account/password", element: <ChangePasswordPage /> },
];
