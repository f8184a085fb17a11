import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SalesOrderDetail } from "../../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { decimalMarkOf, parseScaledDecimal, scaledToInput } from "../../ui/decimal.js";
import { FormActions } from "../../ui/form-actions.js";
import { useInvoiceSalesOrder } from "./sales-orders-api.js";

/** "Create invoice": everything that remains, or chosen quantities per line (0 leaves a line out). */
export function SalesOrderInvoiceModal(props: {
  order: SalesOrderDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t("salesOrders.invoiceModal.title")}
      size="lg"
    >
      {props.opened ? <InvoiceForm {...props} /> : null}
    </Modal>
  );
}

function InvoiceForm({ order, onClose }: { order: SalesOrderDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mark = decimalMarkOf(i18n.language);
  const create = useInvoiceSalesOrder(order.id);
  const open = order.lines.filter((l) => l.remainingQuantityMilli > 0);
  const [mode, setMode] = useState<"all" | "chosen">("all");
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(open.map((l) => [l.id, scaledToInput(l.remainingQuantityMilli, 3, mark)])),
  );
  const qty = (text: string) => (text.trim() === "" ? 0 : parseScaledDecimal(text, 3));
  const invalid = open.filter((l) => {
    const q = qty(quantities[l.id] ?? "");
    return q === null || q < 0 || q > l.remainingQuantityMilli;
  });
  const chosen = open
    .map((l) => ({ salesOrderLineId: l.id, quantityMilli: qty(quantities[l.id] ?? "") ?? 0 }))
    .filter((l) => l.quantityMilli > 0);

  if (open.length === 0)
    return (
      <Stack>
        <Alert color="yellow">{t("salesOrders.invoiceModal.nothing")}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.close")}
          </Button>
        </Group>
      </Stack>
    );

  const submit = () =>
    create.mutate(mode === "all" ? {} : { lines: chosen }, {
      onSuccess: ({ invoiceId }) => {
        notifications.show({ color: "green", message: t("salesOrders.invoiceModal.created") });
        onClose();
        navigate(`/invoices/${invoiceId}`);
      },
    });

  return (
    <Stack>
      <Text size="sm">{t("salesOrders.invoiceModal.intro")}</Text>
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as "all" | "chosen")}
        data={[
          { value: "all", label: t("salesOrders.invoiceModal.everything") },
          { value: "chosen", label: t("salesOrders.invoiceModal.chosen") },
        ]}
      />
      <ColumnTable<SalesOrderDetail["lines"][number]>
        minWidth={420}
        rows={open}
        rowKey={(l) => l.id}
        columns={[
          column("description", t("invoice.description"), (l) => l.description),
          amountColumn("remaining", t("salesOrders.invoiceModal.remaining"), (l) =>
            scaledToInput(l.remainingQuantityMilli, 3, mark),
          ),
          {
            key: "toInvoice",
            header: t("salesOrders.invoiceModal.toInvoice"),
            align: "right",
            cellProps: () => ({ w: 140 }),
            cell: (l) =>
              mode === "all" ? (
                scaledToInput(l.remainingQuantityMilli, 3, mark)
              ) : (
                <TextInput
                  aria-label={`${t("salesOrders.invoiceModal.toInvoice")}: ${l.description}`}
                  inputMode="decimal"
                  value={quantities[l.id] ?? ""}
                  error={invalid.includes(l) ? t("salesOrders.invoiceModal.invalid") : undefined}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setQuantities((prev) => ({ ...prev, [l.id]: value }));
                  }}
                />
              ),
          },
        ]}
      />
      <FormActions
        error={create.error}
        pending={create.isPending}
        label={t("salesOrders.invoiceModal.create")}
        onCancel={onClose}
        onConfirm={submit}
        disabled={mode === "chosen" && (invalid.length > 0 || chosen.length === 0)}
      />
    </Stack>
  );
}
