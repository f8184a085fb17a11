import { Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplyBody } from "../../../shared/contracts/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { useFormat } from "../../ui/format.js";
import { PageLoader } from "../../ui/page-states.js";
import { AllocationEditor, allocationServerErrors } from "./allocation-editor.js";
import { type AllocationAmounts, checkAllocations } from "./allocation-model.js";
import { useOpenDocuments } from "./payments-api.js";

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  customerId: string;
  currency: string;
  availableMinor: number;
  /** A payment may also pay retainer invoices; a credit note's or a retainer's credit only invoices. */
  includeRetainers: boolean;
  /** The document giving the credit, never a target of itself. */
  sourceId?: string;
  // biome-ignore lint/suspicious/noExplicitAny: the payment and the credit document answer different details
  mutation: UseMutationResult<any, Error, ApplyBody>;
}

/** Applies unapplied money or credit to the customer's open invoices, at most what is available. */
export function ApplyModal(props: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { mutation, currency } = props;
  const open = useOpenDocuments(props.opened ? props.customerId : null);
  const documents = useMemo(
    () =>
      (open.data ?? []).filter(
        (d) =>
          d.currency === currency &&
          d.id !== props.sourceId &&
          (props.includeRetainers || d.kind === "invoice"),
      ),
    [open.data, currency, props.sourceId, props.includeRetainers],
  );
  const [amounts, setAmounts] = useState<AllocationAmounts>({});
  const [sentIds, setSentIds] = useState<string[]>([]);
  const check = checkAllocations(documents, amounts, props.availableMinor, currency);
  const invalid =
    check.allocations.length === 0 || Object.keys(check.errors).length > 0 || check.leftMinor < 0;

  const close = () => {
    mutation.reset();
    setAmounts({});
    props.onClose();
  };
  const submit = () => {
    setSentIds(check.allocations.map((a) => a.invoiceId));
    mutation.mutate(
      { allocations: check.allocations },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("moneyAdmin.apply.done") });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size="lg">
      <Stack>
        <Text size="sm">
          {t("moneyAdmin.apply.available", { amount: f.money(props.availableMinor, currency) })}
        </Text>
        {open.isPending ? (
          <PageLoader />
        ) : (
          <AllocationEditor
            documents={documents}
            amounts={amounts}
            onChange={setAmounts}
            check={check}
            currency={currency}
            availableMinor={props.availableMinor}
            serverErrors={allocationServerErrors(mutation.error, sentIds)}
          />
        )}
        <FormActions
          error={open.error ?? mutation.error}
          pending={mutation.isPending}
          label={t("moneyAdmin.apply.submit")}
          onCancel={close}
          onConfirm={submit}
          disabled={invalid}
        />
      </Stack>
    </Modal>
  );
}
