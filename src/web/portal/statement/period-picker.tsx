import "@mantine/dates/styles.css";
import "dayjs/locale/es";
import { DatePickerInput, DatesProvider, type DatesRangeValue } from "@mantine/dates";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The statement's period as one range picker: calendar dates "YYYY-MM-DD", weeks from Monday, month
 * names in the portal's language. Half a range is kept here; the page hears of a period once both ends
 * are chosen, so it never asks the server for one.
 */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: [string, string] | null;
  onChange: (range: [string, string]) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language?.startsWith("es") ? "es" : "en";
  const [draft, setDraft] = useState<DatesRangeValue<string>>(value ?? [null, null]);
  const [from, to] = value ?? [null, null];
  useEffect(() => setDraft([from, to]), [from, to]);
  const handle = (range: DatesRangeValue<string>) => {
    setDraft(range);
    if (range[0] && range[1]) onChange([range[0], range[1]]);
  };
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DatePickerInput
        type="range"
        label={t("statement.period")}
        description={t("statement.periodHelp")}
        placeholder={t("statement.periodPlaceholder")}
        value={draft}
        onChange={handle}
        valueFormat="D MMM YYYY"
        allowSingleDateInRange
        miw={260}
        maw={340}
      />
    </DatesProvider>
  );
}
