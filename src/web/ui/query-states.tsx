import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorState, PageLoader } from "./page-states.js";

/** The part of a TanStack query result these components read. */
export interface QueryStates<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * Every list page had the same hand-written sequence: a loader, the error with a retry, an empty result
 * ("no matches" while filters are active, otherwise the page's own empty state, with its action in the back
 * office), then the table. The states are decided independently, as before: the list queries keep the
 * previous rows while a new filter loads (placeholderData), so an error can show above rows still on screen.
 */
export function QueryList<T>({
  query,
  isFiltered,
  noMatchesTitle,
  emptyTitle,
  emptyDescription,
  emptyAction,
  children,
}: {
  query: QueryStates<T[]>;
  isFiltered: boolean;
  noMatchesTitle: string;
  emptyTitle: string;
  emptyDescription?: string;
  /** An empty state that offers an action (the back office's "new" button) gets more room around it. */
  emptyAction?: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  const noRows = isFiltered ? (
    <EmptyState title={noMatchesTitle} py="lg" />
  ) : (
    <EmptyState title={emptyTitle} description={emptyDescription} py={emptyAction ? "xl" : "lg"}>
      {emptyAction ? <EmptyState.Actions>{emptyAction}</EmptyState.Actions> : null}
    </EmptyState>
  );
  return (
    <>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.length === 0 ? noRows : null}
      {query.data && query.data.length > 0 ? children(query.data) : null}
    </>
  );
}

/**
 * A detail page's states under its back link: a loader, the error with a retry (a missing or foreign
 * document arrives here as the API's 404), then the document. As with lists, an error from a refetch shows
 * above the document that is still on screen.
 */
export function QueryDetail<T>({
  query,
  children,
}: {
  query: QueryStates<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? children(query.data) : null}
    </>
  );
}
