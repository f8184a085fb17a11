import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { Customer } from "../../../shared/contracts/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { CustomerMessages } from "../messages/customer-messages.js";
import { PdfDownload } from "../pdf-download/pdf-download.js";
import { CustomerReviews } from "../reviews/reviews-page.js";
import { ContactsSection } from "./contacts-section.js";
import { CustomerActivity } from "./customer-activity.js";
import { CustomerBalancesCard } from "./customer-balances.js";
import { CustomerFields } from "./customer-fields.js";
import {
  type CustomerFormValues,
  customerRules,
  customerToValues,
  valuesToBody,
} from "./customer-form-model.js";
import { useArchiveCustomer, useCustomer, useUpdateCustomer } from "./customers-api.js";
import { PortalAccessPanel } from "./portal-access-panel.js";

export function CustomerEditPage() {
  const { id = "" } = useParams();
  const customer = useCustomer(id);
  if (customer.isPending) return <PageLoader />;
  if (customer.isError) return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  return (
    <Stack maw={900}>
      {customer.data.archivedAt ? <ArchivedBanner customer={customer.data} /> : null}
      <CustomerEditForm key={customer.data.id} customer={customer.data} />
      <CustomerBalancesCard customerId={customer.data.id} />
      <ContactsSection customer={customer.data} readOnly={Boolean(customer.data.archivedAt)} />
      <PortalAccessPanel customerId={customer.data.id} />
      <CustomerMessages customerId={customer.data.id} />
      <CustomerReviews customerId={customer.data.id} />
      <CustomerActivity customerId={customer.data.id} />
    </Stack>
  );
}

function CustomerEditForm({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const form = useForm<CustomerFormValues>({
    initialValues: customerToValues(customer),
    validate: customerRules(t),
  });

  const submit = form.onSubmit((values) =>
    update.mutate(valuesToBody(values), {
      onSuccess: (saved) => {
        form.resetDirty(customerToValues(saved));
        notifications.show({ color: "green", message: t("common.saved") });
      },
      onError: (error) => applyProblemToForm(form, error),
    }),
  );

  const newInvoice = customer.archivedAt ? undefined : (
    <Group gap="xs">
      <ArchiveButton customer={customer} />
      <PdfDownload
        href={`/api/customers/${customer.id}/statement/pdf`}
        customerId={customer.id}
        label={t("statement.staffPdf")}
      />
      <Button component={Link} to={`/projects?customerId=${customer.id}`} variant="default">
        {t("projects.title")}
      </Button>
      <Button component={Link} to={`/quotes/new?customerId=${customer.id}`} variant="default">
        {t("quotes.list.new")}
      </Button>
      <Button component={Link} to={`/invoices/new?customerId=${customer.id}`} variant="light">
        {t("admin.dashboard.newInvoice")}
      </Button>
    </Group>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={customer.name} actions={newInvoice} />
        <CustomerFields form={form} />
        <FormActions error={update.error} pending={update.isPending} />
      </Stack>
    </form>
  );
}

/** "Archive" (A3): a confirmed soft delete; the customer's records stay and it can be restored. */
function ArchiveButton({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const archive = useArchiveCustomer(customer.id);
  const close = () => {
    archive.reset();
    setOpened(false);
  };
  const run = () =>
    archive.mutate("archive", {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("customerRecords.archive.archived") });
        setOpened(false);
        void navigate("/customers");
      },
    });
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t("customerRecords.archive.archive")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("customerRecords.archive.confirmTitle", { name: customer.name })}
      >
        <Stack>
          <Text size="sm">{t("customerRecords.archive.confirmBody")}</Text>
          <FormActions
            error={archive.error}
            pending={archive.isPending}
            label={t("customerRecords.archive.archive")}
            onCancel={close}
            onConfirm={run}
            danger
          />
        </Stack>
      </Modal>
    </>
  );
}

function ArchivedBanner({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const restore = useArchiveCustomer(customer.id);
  return (
    <Alert color="gray" title={t("customerRecords.archive.bannerTitle")}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t("customerRecords.archive.bannerBody")}</Text>
        <ErrorAlert error={restore.error} />
        <Button
          size="xs"
          loading={restore.isPending}
          onClick={() =>
            restore.mutate("restore", {
              onSuccess: () =>
                notifications.show({ color: "green", message: t("customerRecords.archive.restored") }),
            })
          }
        >
          {t("customerRecords.archive.restore")}
        </Button>
      </Stack>
    </Alert>
  );
}
