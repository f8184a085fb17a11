import { Modal, NumberInput, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type {
  ProjectBillingMethod,
  ProjectDetail,
  ProjectStatus,
  ProjectUpdateBody,
} from "../../../shared/contracts/projects.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { FormActions } from "../../ui/form-actions.js";
import { notifyDone } from "../../ui/notify.js";
import { useCustomers } from "../customers/customers-api.js";
import { useCreateProject, useUpdateProject } from "./projects-api.js";
import { parseRate, rateToInput } from "./time-form-model.js";

const METHODS: ProjectBillingMethod[] = ["project_rate", "task_rate", "staff_rate", "fixed"];
const STATUSES: ProjectStatus[] = ["active", "completed", "archived"];

/** New project (of a customer, chosen or given) or edit one: name, billing, budget, status, portal options. */
export function ProjectFormModal(props: {
  opened: boolean;
  onClose: () => void;
  project?: ProjectDetail;
  customerId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.project ? t("projects.editProject") : t("projects.newProject")}
      size="lg"
    >
      {props.opened ? <ProjectForm {...props} /> : null}
    </Modal>
  );
}

function ProjectForm({
  project,
  customerId: givenCustomer,
  onClose,
}: {
  project?: ProjectDetail;
  customerId?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mark = decimalMarkOf(i18n.language);
  const customers = useCustomers();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? "");
  const [customerId, setCustomerId] = useState(project?.customerId ?? givenCustomer ?? "");
  const currency = project?.currency ?? customers.data?.find((c) => c.id === customerId)?.currency ?? "EUR";
  const [name, setName] = useState(project?.name ?? "");
  const [description, setDescription] = useState(project?.description ?? "");
  const [billingMethod, setBillingMethod] = useState<ProjectBillingMethod>(
    project?.billingMethod ?? "project_rate",
  );
  const [rate, setRate] = useState(rateToInput(project?.hourlyRateMinor, currency, mark));
  const [fixed, setFixed] = useState(rateToInput(project?.fixedAmountMinor, currency, mark));
  const [budgetHours, setBudgetHours] = useState<number | string>(
    project?.budgetMinutes ? project.budgetMinutes / 60 : "",
  );
  const [budgetAmount, setBudgetAmount] = useState(rateToInput(project?.budgetAmountMinor, currency, mark));
  const [status, setStatus] = useState<ProjectStatus>(project?.status ?? "active");
  const [visibleInPortal, setVisible] = useState(project?.visibleInPortal ?? false);
  const [needsApproval, setNeedsApproval] = useState(project?.needsApproval ?? false);
  const [touched, setTouched] = useState(false);

  const hourlyRateMinor = parseRate(rate, currency);
  const fixedAmountMinor = parseRate(fixed, currency);
  const budgetAmountMinor = parseRate(budgetAmount, currency);
  const budgetMinutes = budgetHours === "" ? null : Math.round(Number(budgetHours) * 60);
  const invalid =
    name.trim() === "" ||
    !customerId ||
    hourlyRateMinor === undefined ||
    fixedAmountMinor === undefined ||
    budgetAmountMinor === undefined;
  const mutation = project ? update : create;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    const body: ProjectUpdateBody = {
      name,
      description: description || null,
      billingMethod,
      hourlyRateMinor,
      fixedAmountMinor,
      budgetMinutes,
      budgetAmountMinor,
      status,
      visibleInPortal,
      needsApproval,
    };
    if (project)
      update.mutate(body, {
        onSuccess: () => {
          notifyDone(t("common.saved"));
          onClose();
        },
      });
    else
      create.mutate(
        { ...body, customerId },
        {
          onSuccess: (created) => {
            onClose();
            navigate(`/projects/${created.id}`);
          },
        },
      );
  };
  const rateError = (v: number | null | undefined) =>
    touched && v === undefined ? t("projects.invalidRate") : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {project ? null : (
          <Select
            label={t("projects.customer")}
            required
            searchable
            data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={customerId || null}
            onChange={(v) => setCustomerId(v ?? "")}
            error={touched && !customerId ? t("errors.required") : null}
          />
        )}
        <TextInput
          label={t("projects.name")}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={touched && name.trim() === "" ? t("errors.required") : null}
        />
        <Textarea
          label={t("projects.description")}
          maxLength={5000}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Select
          label={t("projects.billingMethod")}
          data={METHODS.map((m) => ({ value: m, label: t(`projects.billingMethods.${m}`) }))}
          value={billingMethod}
          onChange={(v) => setBillingMethod((v as ProjectBillingMethod) ?? "project_rate")}
          allowDeselect={false}
        />
        {billingMethod === "fixed" ? (
          <TextInput
            label={`${t("projects.fixedAmount")} (${currency})`}
            inputMode="decimal"
            value={fixed}
            onChange={(e) => setFixed(e.currentTarget.value)}
            error={rateError(fixedAmountMinor)}
          />
        ) : (
          <TextInput
            label={`${t("projects.hourlyRate")} (${currency})`}
            description={billingMethod === "project_rate" ? undefined : t("projects.hourlyRateHint")}
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.currentTarget.value)}
            error={rateError(hourlyRateMinor)}
          />
        )}
        <NumberInput
          label={t("projects.budgetHours")}
          min={0}
          max={1_000_000}
          decimalScale={2}
          decimalSeparator={mark}
          value={budgetHours}
          onChange={setBudgetHours}
        />
        <TextInput
          label={`${t("projects.budgetAmount")} (${currency})`}
          inputMode="decimal"
          value={budgetAmount}
          onChange={(e) => setBudgetAmount(e.currentTarget.value)}
          error={rateError(budgetAmountMinor)}
        />
        <Select
          label={t("projects.status")}
          data={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus((v as ProjectStatus) ?? "active")}
          allowDeselect={false}
        />
        <Switch
          label={t("projects.visibleInPortal")}
          checked={visibleInPortal}
          onChange={(e) => setVisible(e.currentTarget.checked)}
        />
        <Switch
          label={t("projects.needsApproval")}
          checked={needsApproval}
          onChange={(e) => setNeedsApproval(e.currentTarget.checked)}
        />
        <FormActions error={mutation.error} pending={mutation.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
