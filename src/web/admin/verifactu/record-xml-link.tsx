import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VerifactuRecordSummary } from "../../../shared/contracts/verifactu.js";

/** The record's AEAT XML as a download (`GET /api/verifactu/records/{id}/xml`, owners and admins). */
export function RecordXmlLink({ record }: { record: VerifactuRecordSummary }) {
  const { t } = useTranslation();
  return (
    <Anchor
      href={`/api/verifactu/records/${encodeURIComponent(record.id)}/xml`}
      download
      size="sm"
      aria-label={t("verifactuRecordXml.label", {
        sequence: record.sequence,
        number: record.numSerieFactura,
      })}
    >
      {t("verifactuRecordXml.link")}
    </Anchor>
  );
}
