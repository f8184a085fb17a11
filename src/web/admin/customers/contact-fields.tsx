import { Checkbox, SimpleGrid, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

/** Name, email, phone and "primary" inputs of one contact; `inputProps` binds them to a form path. */
export function ContactFields(props: {
  inputProps: (field: "name" | "email" | "phone" | "isPrimary") => GetInputPropsReturnType;
  /** Appended to each label when several contacts are on screen ("Contact 2"). */
  suffix?: string;
}) {
  const { t } = useTranslation();
  const label = (text: string) => (props.suffix ? `${text} (${props.suffix})` : text);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={label(t("admin.contacts.name"))} required {...props.inputProps("name")} />
      <TextInput label={label(t("admin.contacts.email"))} type="email" {...props.inputProps("email")} />
      <TextInput label={label(t("admin.contacts.phone"))} type="tel" {...props.inputProps("phone")} />
      <Checkbox
        label={label(t("admin.contacts.isPrimary"))}
        mt={{ sm: "xl" }}
        {...props.inputProps("isPrimary")}
      />
    </SimpleGrid>
  );
}
