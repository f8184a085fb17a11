import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import type { CustomerFormValues } from "./customer-form-model.js";
import { Dir3Fields } from "./dir3-fields.js";

export function CustomerFields({ form }: { form: UseFormReturnType<CustomerFormValues> }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Fieldset legend={t("admin.customers.sectionDetails")}>
        <Stack>
          <Radio.Group label={t("admin.customers.kind")} {...form.getInputProps("kind")}>
            <Group mt={4}>
              <Radio value="company" label={t("admin.customers.kinds.company")} />
              <Radio value="individual" label={t("admin.customers.kinds.individual")} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("admin.customers.name")} required {...form.getInputProps("name")} />
            <TextInput label={t("admin.customers.legalName")} {...form.getInputProps("legalName")} />
            <TextInput label={t("admin.customers.taxId")} {...form.getInputProps("taxId")} />
            <TextInput label={t("admin.customers.email")} type="email" {...form.getInputProps("email")} />
            <TextInput label={t("admin.customers.phone")} type="tel" {...form.getInputProps("phone")} />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t("admin.customers.sectionAddress")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("admin.customers.addressLine1")} {...form.getInputProps("addressLine1")} />
          <TextInput label={t("admin.customers.addressLine2")} {...form.getInputProps("addressLine2")} />
          <TextInput label={t("admin.customers.city")} {...form.getInputProps("city")} />
          <TextInput label={t("admin.customers.postalCode")} {...form.getInputProps("postalCode")} />
          <TextInput label={t("admin.customers.region")} {...form.getInputProps("region")} />
          <TextInput
            label={t("admin.customers.country")}
            maxLength={2}
            autoCapitalize="characters"
            {...form.getInputProps("country")}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t("admin.customers.sectionBilling")}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("admin.customers.currency")}
              data={[...SUPPORTED_CURRENCIES]}
              searchable
              allowDeselect={false}
              {...form.getInputProps("currency")}
            />
            <Select
              label={t("admin.customers.language")}
              data={[
                { value: "", label: t("admin.customers.languageDefault") },
                { value: "es", label: t("languages.es") },
                { value: "en", label: t("languages.en") },
              ]}
              allowDeselect={false}
              {...form.getInputProps("language")}
            />
            <NumberInput
              label={t("admin.customers.paymentTermsDays")}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("paymentTermsDays")}
            />
          </SimpleGrid>
          <Checkbox
            label={t("admin.customers.mayPayByBank")}
            {...form.getInputProps("mayPayByBank", { type: "checkbox" })}
          />
          <Checkbox
            label={t("admin.customers.remindersOptOut")}
            description={t("admin.customers.remindersOptOutHint")}
            {...form.getInputProps("remindersOptOut", { type: "checkbox" })}
          />
          <Textarea
            label={t("admin.customers.notes")}
            autosize
            minRows={2}
            {...form.getInputProps("notes")}
          />
        </Stack>
      </Fieldset>
      <Dir3Fields form={form} />
    </Stack>
  );
}
