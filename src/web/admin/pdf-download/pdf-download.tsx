import { Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../shared/contracts/index.js";
import { preferredLanguage } from "../../../shared/language.js";
import { withPdfLanguage } from "../../ui/pdf-language.js";
import { useCustomer } from "../customers/customers-api.js";

/**
 * A PDF download with its language beside it (issue 10 item 7): the customer's language by default, as
 * the emailed PDF is, else the staff's own; staff may pick the other one for this download.
 */
export function PdfDownload({
  href,
  customerId,
  label,
}: {
  href: string;
  customerId: string;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const customer = useCustomer(customerId);
  const [chosen, setChosen] = useState<Language | null>(null);
  const lang = preferredLanguage(chosen, customer.data?.language, i18n.language);
  return (
    <Group gap={4} wrap="nowrap">
      <Button component="a" href={withPdfLanguage(href, lang)} download variant="default">
        {label}
      </Button>
      <Select
        aria-label={t("pdfLanguage.label")}
        data={[
          { value: "es", label: t("languages.es") },
          { value: "en", label: t("languages.en") },
        ]}
        value={lang}
        onChange={(value) => (value === "es" || value === "en" ? setChosen(value) : null)}
        allowDeselect={false}
        w={112}
      />
    </Group>
  );
}
