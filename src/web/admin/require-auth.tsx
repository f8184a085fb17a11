import { type ReactNode, useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { applyAccountLanguage } from "../i18n/index.js";
import { ErrorState, PageLoader } from "../ui/page-states.js";
import { useMe } from "./session.js";

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const language = me.data?.user.language ?? null;
  useEffect(() => applyAccountLanguage(language), [language]);

  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
