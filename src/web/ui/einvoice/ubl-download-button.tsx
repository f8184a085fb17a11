import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The file name the server gave in Content-Disposition, else a plain one. */
const filenameOf = (res: Response) =>
  /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "e-invoice.xml";

/**
 * "Download e-invoice (UBL)" (issue 17 §3) on the back office's and the portal's invoice pages. Fetched
 * rather than linked: an invoice UBL cannot express (a withholding such as IRPF, a party without an
 * electronic address) answers a problem whose text is shown, instead of a downloaded error file.
 */
export function UblDownloadButton({ href }: { href: string }) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      const res = await fetch(href, {
        credentials: "same-origin",
        headers: { Accept: "application/xml, application/problem+json", "Accept-Language": i18n.language },
      });
      if (!res.ok) {
        const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
        notifications.show({ color: "red", message: problem?.detail ?? t("errors.unexpected") });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = filenameOf(res);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      notifications.show({ color: "red", message: t("errors.unexpected") });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button variant="default" loading={pending} onClick={download} title={t("einvoiceUbl.downloadHint")}>
      {t("einvoiceUbl.download")}
    </Button>
  );
}
