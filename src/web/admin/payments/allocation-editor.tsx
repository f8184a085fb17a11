import { Anchor, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InvoiceSummary } from "../../../shared/contracts/index.js";
import { ApiError } from "../../ui/api-client.js";
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
      <Table.ScrollContainer minWidth={340}>
        <Table captionSide="top">
          <Table.Caption ta="left">{t("moneyAdmin.allocate.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("invoice.number")}</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                {t("invoice.dueDate")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("invoice.amountDue")}
              </Table.Th>
              <Table.Th scope="col">{t("moneyAdmin.allocate.amount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.map((doc) => (
              <Table.Tr key={doc.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/invoices/${doc.id}`} target="_blank">
                    {doc.number}
                  </Anchor>
                  {doc.kind === "retainer" ? (
                    <Text size="xs" c="dimmed">
                      {t("moneyAdmin.kinds.retainer")}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td visibleFrom="sm" c={doc.isOverdue ? "red" : undefined}>
                  {f.date(doc.dueDate)}
                </Table.Td>
                <Table.Td ta="right">{f.money(doc.dueMinor, currency)}</Table.Td>
                <Table.Td miw={120}>
                  <TextInput
                    aria-label={t("moneyAdmin.allocate.amountFor", { number: doc.number })}
                    inputMode="decimal"
                    value={amounts[doc.id] ?? ""}
                    error={errorOf(doc.id)}
                    onChange={(e) => props.onChange({ ...amounts, [doc.id]: e.currentTarget.value })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
