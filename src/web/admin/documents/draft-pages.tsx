import { notifications } from "@mantine/notifications";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { Fragment, type ReactNode } from "react";
import { useNavigate } from "react-router";
import type { Tax } from "../../../shared/contracts/index.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useTaxes } from "../settings/taxes-api.js";

export type SaveDraft<B> = (body: B, callbacks: { onError: (error: unknown) => void }) => void;

/** What a page hands a kind's draft editor: the starting values, the taxes, and how to save. */
export interface DraftEditorProps<V, B> {
  title: string;
  initialValues: V;
  taxes: Tax[];
  save: SaveDraft<B>;
  isSaving: boolean;
  error: unknown;
  onCancel: () => void;
  /** A new document opened for a given customer takes their defaults at once. */
  applyCustomerDefaults?: boolean;
}

/** Saving a draft of any kind: a confirmation, then the saved document's page. */
export function useSaveDraft<D extends { id: string }, E, B>(
  mutation: Pick<UseMutationResult<D, E, B>, "mutate">,
  message: string,
  basePath: string,
): SaveDraft<B> {
  const navigate = useNavigate();
  return (body, callbacks) =>
    mutation.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({ color: "green", message });
        navigate(`${basePath}/${saved.id}`);
      },
      onError: callbacks.onError,
    });
}

/** A new draft's page waits for the taxes its lines are priced with. */
export function WithTaxes({ children }: { children: (taxes: Tax[]) => ReactNode }) {
  const taxes = useTaxes();
  if (taxes.isPending) return <PageLoader />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;
  return children(taxes.data);
}

/**
 * An edit page waits for the draft and the taxes; the form is keyed by the draft, so opening another
 * draft starts from its own values.
 */
export function WithDraft<D extends { id: string }>({
  draft,
  children,
}: {
  draft: UseQueryResult<D>;
  children: (doc: D, taxes: Tax[]) => ReactNode;
}) {
  const taxes = useTaxes();
  if (draft.isPending || taxes.isPending) return <PageLoader />;
  if (draft.isError) return <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;
  return <Fragment key={draft.data.id}>{children(draft.data, taxes.data)}</Fragment>;
}
