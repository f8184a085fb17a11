import { Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InvoiceSummary } from "../../../shared/contracts/index.js";
import { ApiError } from "../../ui/api-client.js";
import { amountColumn, ColumnTable } from "../../ui/column-table.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { useFormat } from "../../ui/format.js";
import { type AllocationAmounts, type AllocationCheck, fillOldestFirst } from "./allocation-model.js";

interface Props {
  /** Open documents of the customer, oldest first. */
  documents: InvoiceSummary[];
  amounts: AllocationAmounts;
  onChange: (amounts: AllocationAmounts) => void;
  check: AllocationCheck;
  currency: string;
  /** What may be applied; null when the payment amount is not typed yet (oldest-first then fills all due). */
  availableMinor: number | null;
  /** Server errors per document id (mapped from "body.allocations.N.*"). */
  serverErrors?: Record<string, string>;
  /** Called by "apply oldest first" when nothing limited it: the amount becomes the sum applied. */
  onFilledAll?: (totalMinor: number) => void;
}

/** Amount per open invoice, an "apply oldest first" button, and the applied total and what stays unapplied. */
export function AllocationEditor(props: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { documents, amounts, check, currency } = props;
  const mark = decimalMarkOf(i18n.language);

  if (documents.length === 0) return <Text c="dimmed">{t("moneyAdmin.allocate.noOpen")}</Text>;

  const fill = () => {
    props.onChange(fillOldestFirst(documents, props.availableMinor, currency, mark));
    if (props.availableMinor === null) props.onFilledAll?.(documents.reduce((sum, d) => sum + d.dueMinor, 0));
  };
  const errorOf = (id: string) => {
    const local = check.errors[id];
    if (local === "invalid") return t("errors.invalidAmount");
    if (local === "exceedsDue") return t("moneyAdmin.allocate.exceedsDue");
    return props.serverErrors?.[id];
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("moneyAdmin.allocate.hint")}
        </Text>
        <Button variant="light" size="xs" onClick={fill}>
          {t("moneyAdmin.allocate.oldestFirst")}
        </Button>
      </Group>
      <ColumnTable<InvoiceSummary>
        minWidth={340}
        caption={t("moneyAdmin.allocate.caption")}
        rows={documents}
        rowKey={(doc) => doc.id}
        columns={[
          {
            key: "number",
            header: t("invoice.number"),
            rowHeader: 500,
            cell: (doc) => (
              <>
                <Anchor component={Link} to={`/invoices/${doc.id}`} target="_blank">
                  {doc.number}
                </Anchor>
                {doc.kind === "retainer" ? (
                  <Text size="xs" c="dimmed">
                    {t("moneyAdmin.kinds.retainer")}
                  </Text>
                ) : null}
              </>
            ),
          },
          {
            key: "dueDate",
            header: t("invoice.dueDate"),
            visibleFrom: "sm",
            cellProps: (doc) => ({ c: doc.isOverdue ? "red" : undefined }),
            cell: (doc) => f.date(doc.dueDate),
          },
          amountColumn("due", t("invoice.amountDue"), (doc) => f.money(doc.dueMinor, currency)),
          {
            key: "amount",
            header: t("moneyAdmin.allocate.amount"),
            cellProps: () => ({ miw: 120 }),
            cell: (doc) => (
              <TextInput
                aria-label={t("moneyAdmin.allocate.amountFor", { number: doc.number })}
                inputMode="decimal"
                value={amounts[doc.id] ?? ""}
                error={errorOf(doc.id)}
                onChange={(e) => props.onChange({ ...amounts, [doc.id]: e.currentTarget.value })}
              />
            ),
          },
        ]}
      />
      <Group justify="flex-end" gap="lg" aria-live="polite">
        <Text size="sm">
          {t("moneyAdmin.allocate.applied")}: <b>{f.money(check.totalMinor, currency)}</b>
        </Text>
        {props.availableMinor !== null ? (
          <Text size="sm" c={check.leftMinor < 0 ? "red" : undefined}>
            {check.leftMinor < 0
              ? t("moneyAdmin.allocate.overBy", { amount: f.money(-check.leftMinor, currency) })
              : `${t("moneyAdmin.allocate.unapplied")}: `}
            {check.leftMinor >= 0 ? <b>{f.money(check.leftMinor, currency)}</b> : null}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

/**
 * "body.allocations.2.amountMinor" → the id of the third document sent. The field message is the
 * server's terse English note, so each field shows the problem's localised text instead.
 */
export function allocationServerErrors(error: unknown, sentIds: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const { field } of error.fieldErrors) {
    const match = /allocations\.(\d+)\./.exec(field);
    const id = match ? sentIds[Number(match[1])] : undefined;
    if (id) out[id] = error.detail;
  }
  return out;
}
