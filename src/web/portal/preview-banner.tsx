import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** C6: staff previewing the portal see, on every page, whose portal it is and that nothing can change. */
export function PreviewBanner({ contactName }: { contactName: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="filled" radius={0} role="status" data-print="hide">
      {t("portalAccess.previewBanner", { name: contactName })}
    </Alert>
  );
}
