import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { chooseLanguage, isUiLanguage } from "../i18n/index.js";
import { UI_LANGUAGES } from "../i18n/types.js";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t("common.language")}
      size="xs"
      w={100}
      value={i18n.language}
      data={UI_LANGUAGES.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isUiLanguage(value)) chooseLanguage(value);
      }}
    />
  );
}
