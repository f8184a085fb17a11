import { Alert, Card, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { MyDetails, PortalMe } from "../../../shared/contracts/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useContactMe } from "../portal-api.js";
import { useMyDetails, useUpdateMyDetails } from "./my-details-api.js";
import { OrgContactBlock } from "./org-contact.js";
import { SavedMethodsSection } from "./saved-methods.js";

/** My details (E12): the customer's billing details and the contact's own, plus how to reach the org. */
export function MyDetailsPage() {
  const { t } = useTranslation();
  const me = useContactMe().data;
  const details = useMyDetails();
  return (
    <Stack maw={760}>
      <Title order={1} size="h2">
        {t("portalSettings.account.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("portalSettings.account.intro")}
      </Text>
      {details.isPending ? <PageLoader /> : null}
      {details.isError ? <ErrorState error={details.error} onRetry={() => void details.refetch()} /> : null}
      {details.data && me ? <DetailsForm details={details.data} me={me} /> : null}
      <SavedMethodsSection />
      {me ? <OrgContactBlock org={me.org} /> : null}
    </Stack>
  );
}

const text = (v: string | null) => v ?? "";
const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

function DetailsForm({ details, me }: { details: MyDetails; me: PortalMe }) {
  const { t } = useTranslation();
  const update = useUpdateMyDetails();
  const c = details.customer;
  const form = useForm({
    initialValues: {
      customer: {
        legalName: text(c.legalName),
        taxId: text(c.taxId),
        email: text(c.email),
        phone: text(c.phone),
        addressLine1: text(c.addressLine1),
        addressLine2: text(c.addressLine2),
        city: text(c.city),
        postalCode: text(c.postalCode),
        region: text(c.region),
        country: text(c.country),
      },
      contact: {
        name: details.contact.name,
        phone: text(details.contact.phone),
        language: details.contact.language ?? "",
      },
    },
    validate: {
      contact: { name: (v) => (v.trim() ? null : t("errors.required")) },
      customer: {
        country: (v) =>
          v.trim() === "" || /^[A-Za-z]{2}$/.test(v.trim()) ? null : t("errors.invalidCountry"),
      },
    },
  });
  const f = (path: string) => form.getInputProps(path);

  const submit = form.onSubmit((v) => {
    update.reset();
    update.mutate(
      {
        customer: {
          legalName: orNull(v.customer.legalName),
          taxId: orNull(v.customer.taxId),
          email: orNull(v.customer.email),
          phone: orNull(v.customer.phone),
          addressLine1: orNull(v.customer.addressLine1),
          addressLine2: orNull(v.customer.addressLine2),
          city: orNull(v.customer.city),
          postalCode: orNull(v.customer.postalCode),
          region: orNull(v.customer.region),
          country: orNull(v.customer.country)?.toUpperCase() ?? null,
        },
        contact: {
          name: v.contact.name.trim(),
          phone: orNull(v.contact.phone),
          language: v.contact.language === "es" || v.contact.language === "en" ? v.contact.language : null,
        },
      },
      {
        onSuccess: (saved) => {
          form.setValues(toValues(saved));
          form.resetDirty(toValues(saved));
        },
        onError: (error) => applyProblemToForm(form, error),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Card withBorder component="section" aria-labelledby="account-section">
          <Title order={2} size="h4" id="account-section" mb="sm">
            {t("portalSettings.account.accountSection")}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t("portalSettings.account.customerName")}
              value={c.name}
              readOnly
              variant="filled"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("portalSettings.account.legalName")}
                autoComplete="organization"
                {...f("customer.legalName")}
              />
              <TextInput label={t("portalSettings.account.taxId")} {...f("customer.taxId")} />
              <TextInput
                label={t("portalSettings.account.billingEmail")}
                type="email"
                autoComplete="email"
                {...f("customer.email")}
              />
              <TextInput
                label={t("portalSettings.account.phone")}
                type="tel"
                autoComplete="tel"
                {...f("customer.phone")}
              />
            </SimpleGrid>
            <TextInput
              label={t("portalSettings.account.address")}
              autoComplete="address-line1"
              {...f("customer.addressLine1")}
            />
            <TextInput
              label={t("portalSettings.account.addressLine2")}
              autoComplete="address-line2"
              {...f("customer.addressLine2")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("portalSettings.account.postalCode")}
                autoComplete="postal-code"
                {...f("customer.postalCode")}
              />
              <TextInput
                label={t("portalSettings.account.city")}
                autoComplete="address-level2"
                {...f("customer.city")}
              />
              <TextInput
                label={t("portalSettings.account.region")}
                autoComplete="address-level1"
                {...f("customer.region")}
              />
              <TextInput
                label={t("portalSettings.account.country")}
                autoComplete="country"
                maxLength={2}
                {...f("customer.country")}
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="contact-section">
          <Title order={2} size="h4" id="contact-section" mb="sm">
            {t("portalSettings.account.contactSection")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("portalSettings.account.name")}
              required
              autoComplete="name"
              {...f("contact.name")}
            />
            <TextInput
              label={t("portalSettings.account.phone")}
              type="tel"
              autoComplete="tel"
              {...f("contact.phone")}
            />
            <TextInput
              label={t("portalSettings.account.email")}
              value={text(details.contact.email)}
              description={t("portalSettings.account.emailHelp", { org: me.org.name })}
              readOnly
              variant="filled"
            />
            <Select
              label={t("portalSettings.account.language")}
              data={[
                { value: "", label: t("portalSettings.account.languageDefault") },
                { value: "es", label: t("languages.es") },
                { value: "en", label: t("languages.en") },
              ]}
              allowDeselect={false}
              {...f("contact.language")}
            />
          </SimpleGrid>
        </Card>
        {me.preview ? <Alert color="yellow">{t("portalSettings.account.previewReadOnly")}</Alert> : null}
        {update.isSuccess ? (
          <Alert color="green" role="status">
            {t("portalSettings.account.saved", { org: me.org.name })}
          </Alert>
        ) : null}
        <FormActions
          error={update.error}
          pending={update.isPending}
          label={t("portalSettings.account.save")}
          disabled={me.preview}
          justify="flex-start"
        />
      </Stack>
    </form>
  );
}

function toValues(d: MyDetails) {
  return {
    customer: {
      legalName: text(d.customer.legalName),
      taxId: text(d.customer.taxId),
      email: text(d.customer.email),
      phone: text(d.customer.phone),
      addressLine1: text(d.customer.addressLine1),
      addressLine2: text(d.customer.addressLine2),
      city: text(d.customer.city),
      postalCode: text(d.customer.postalCode),
      region: text(d.customer.region),
      country: text(d.customer.country),
    },
    contact: { name: d.contact.name, phone: text(d.contact.phone), language: d.contact.language ?? "" },
  };
}
