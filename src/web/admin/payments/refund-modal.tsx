import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { RefundBody } from "../../../shared/contracts/index.js";
import { parseMoney } from "../../../shared/money/index.js";
import { isApiError } from "../../ui/api-client.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { todayIso } from "../documents/lines-form-model.js";
import { minorToInput } from "./allocation-model.js";
import { OfflineMovementFields } from "./offline-fields.js";
import type { OfflineMethod } from "./payment-methods.js";

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  currency: string;
  /** What this screen showed as refunded already: sent as `expectedRefundedMinor`. */
  refundedMinor: number;
  refundableMinor: number;
  // biome-ignore lint/suspicious/noExplicitAny: the payment and the credit document answer different details
  mutation: UseMutationResult<any, Error, RefundBody>;
  /** Reloads what the screen shows after a STALE_STATE answer. */
  onReload: () => void;
}

interface Values {
  amount: string;
  method: OfflineMethod;
  refundedOn: string;
  reference: string;
  notes: string;
}

/** A full or partial refund; the expected-state check refuses a second identical submit. */
export function RefundModal(props: Props) {
  const close = () => {
    props.mutation.reset();
    props.onClose();
  };
  // The form lives inside the modal, so each opening starts from the figures shown at that moment.
  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <RefundForm {...props} onClose={close} />
    </Modal>
  );
}

function RefundForm(props: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { mutation, currency } = props;
  const form = useForm<Values>({
    initialValues: {
      amount: minorToInput(props.refundableMinor, currency, decimalMarkOf(i18n.language)),
      method: "transfer",
      refundedOn: todayIso(),
      reference: "",
      notes: "",
    },
    validate: {
      amount: (v) => {
        const minor = parseMoney(v, currency);
        if (minor === null || minor <= 0) return t("errors.invalidAmount");
        return minor > props.refundableMinor
          ? t("moneyAdmin.refund.atMost", { amount: f.money(props.refundableMinor, currency) })
          : null;
      },
      refundedOn: (v) => (v ? null : t("errors.required")),
    },
  });
  const stale = isApiError(mutation.error) && mutation.error.code === "STALE_STATE";

  const submit = form.onSubmit((values) =>
    mutation.mutate(
      {
        amountMinor: parseMoney(values.amount, currency) ?? 0,
        method: values.method,
        refundedOn: values.refundedOn,
        reference: values.reference.trim() || null,
        notes: values.notes.trim() || null,
        expectedRefundedMinor: props.refundedMinor,
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("moneyAdmin.refund.done") });
          props.onClose();
        },
        onError: (error) =>
          applyProblemToForm(form, error, (path) => path.replace(/^amountMinor$/, "amount")),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t("moneyAdmin.refund.refundable", { amount: f.money(props.refundableMinor, currency) })}
        </Text>
        <TextInput
          label={t("moneyAdmin.refund.amount")}
          inputMode="decimal"
          required
          data-autofocus
          {...form.getInputProps("amount")}
        />
        <OfflineMovementFields form={form} datePath="refundedOn" dateLabel={t("moneyAdmin.refund.date")} />
        <Textarea label={t("invoice.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        {stale ? (
          <Alert color="yellow" role="alert" title={t("moneyAdmin.refund.staleTitle")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("moneyAdmin.refund.staleBody")}</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  props.onReload();
                  props.onClose();
                }}
              >
                {t("moneyAdmin.refund.reload")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={mutation.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="red" loading={mutation.isPending} disabled={stale}>
            {t("moneyAdmin.refund.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
