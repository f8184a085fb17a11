import { Button, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The file name the server gave (`attachment; filename="F2026-0001.xsig"`), else a safe default. */
const filenameOf = (disposition: string | null) =>
  /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? "e-invoice.xsig";

/**
 * "Download Facturae" (issue 17 §3) in both apps: fetched rather than linked, so a refusal (no certificate,
 * a missing tax id) shows the server's problem in the person's language instead of saving it as the file.
 */
export function FacturaeDownloadButton({ href }: { href: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const res = await fetch(href, {
        credentials: "same-origin",
        headers: { Accept: "application/xml, application/problem+json", "Accept-Language": i18n.language },
      });
      if (!res.ok) {
        const problem = (await res.json().catch(() => ({}))) as { detail?: string };
        notifications.show({
          color: "red",
          title: t("facturae.downloadFailed"),
          message: problem.detail ?? t("errors.unexpected"),
        });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameOf(res.headers.get("content-disposition"));
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      notifications.show({ color: "red", title: t("facturae.downloadFailed"), message: t("errors.network") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip label={t("facturae.downloadHint")} withArrow>
      <Button variant="default" loading={busy} onClick={() => void download()}>
        {t("facturae.download")}
      </Button>
    </Tooltip>
  );
}
