import { Alert, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { InvoiceTimeGrouping, ProjectDetail } from "../../../shared/contracts/projects.js";
import { FormActions } from "../../ui/form-actions.js";
import { addDays, todayIso } from "../documents/lines-form-model.js";
import { useInvoiceTime } from "./projects-api.js";

/** "Invoice time": a period and a grouping → a draft invoice, which opens. */
export function InvoiceTimeModal(props: { project: ProjectDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("projects.invoiceTime.title")} size="lg">
      {props.opened ? <InvoiceTimeForm {...props} /> : null}
    </Modal>
  );
}

function InvoiceTimeForm({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useInvoiceTime(project.id);
  const [from, setFrom] = useState(addDays(todayIso(), -30));
  const [to, setTo] = useState(todayIso());
  const [grouping, setGrouping] = useState<InvoiceTimeGrouping>("task");
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      { from, to, grouping },
      {
        onSuccess: ({ invoiceId, entryCount }) => {
          notifications.show({
            color: "green",
            message: t("projects.invoiceTime.created", { count: entryCount }),
          });
          onClose();
          navigate(`/invoices/${invoiceId}`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("projects.invoiceTime.intro")}</Text>
        {project.needsApproval ? <Alert color="blue">{t("projects.invoiceTime.approvalNote")}</Alert> : null}
        <Group grow>
          <TextInput
            type="date"
            label={t("projects.invoiceTime.from")}
            required
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("projects.invoiceTime.to")}
            required
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Group>
        {project.billingMethod === "fixed" ? null : (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="invoice-time-grouping">
              {t("projects.invoiceTime.grouping")}
            </Text>
            <SegmentedControl
              aria-labelledby="invoice-time-grouping"
              value={grouping}
              onChange={(v) => setGrouping(v as InvoiceTimeGrouping)}
              data={(["task", "entry", "single"] as const).map((g) => ({
                value: g,
                label: t(`projects.invoiceTime.groupings.${g}`),
              }))}
            />
          </Stack>
        )}
        <FormActions
          error={create.error}
          pending={create.isPending}
          label={t("projects.invoiceTime.submit")}
          onCancel={onClose}
          disabled={!from || !to || to < from}
        />
      </Stack>
    </form>
  );
}
