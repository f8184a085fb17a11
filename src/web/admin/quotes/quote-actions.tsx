import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { QuoteDetail } from "../../../shared/contracts/index.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { SendDocumentModal } from "../invoices/send-invoice-modal.js";
import { PdfDownload } from "../pdf-download/pdf-download.js";
import { useConvertQuote, useReviseQuote, useSendQuote } from "./quotes-api.js";

const REVISABLE = ["sent", "viewed", "declined"];

/** What staff can do with a quote in its status; the server refuses anything else with its own code. */
export function QuoteActions({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const send = useSendQuote(quote.id);
  const revise = useReviseQuote(quote.id);
  const convert = useConvertQuote(quote.id);
  const [sendOpened, sendModal] = useDisclosure(false);
  const [convertOpened, convertModal] = useDisclosure(false);
  const isDraft = quote.status === "draft";
  const isLatest = quote.latestId === quote.id && quote.versions.at(-1)?.id === quote.id;
  const canSend = isDraft || quote.status === "sent" || quote.status === "viewed";
  const canRevise = REVISABLE.includes(quote.status) && isLatest;

  return (
    <Stack gap="xs" align="stretch">
      <Group gap="xs">
        {isDraft ? (
          <Button component={Link} to={`/quotes/${quote.id}/edit`} variant="default">
            {t("quotes.detail.edit")}
          </Button>
        ) : null}
        {canSend ? (
          <Button variant={isDraft ? "filled" : "light"} onClick={sendModal.open}>
            {t("quotes.detail.send")}
          </Button>
        ) : null}
        {canRevise ? (
          <Button
            variant="light"
            loading={revise.isPending}
            onClick={() =>
              revise.mutate(undefined, {
                onSuccess: (draft) => {
                  notifications.show({
                    color: "green",
                    message: t("quotes.detail.revised", { revision: draft.revision }),
                  });
                  navigate(`/quotes/${draft.id}/edit`);
                },
              })
            }
          >
            {t("quotes.detail.revise")}
          </Button>
        ) : null}
        {quote.status === "accepted" ? (
          <Button onClick={convertModal.open}>{t("quotes.detail.convertOpen")}</Button>
        ) : null}
        {quote.invoiceId ? (
          <Button component={Link} to={`/invoices/${quote.invoiceId}`} variant="light">
            {t("quotes.detail.openInvoice")}
          </Button>
        ) : null}
        <PdfDownload
          href={`/api/quotes/${quote.id}/pdf`}
          customerId={quote.customerId}
          label={t("quotes.detail.downloadPdf")}
        />
      </Group>
      <ErrorAlert error={revise.error} />
      <SendDocumentModal
        customerId={quote.customerId}
        opened={sendOpened}
        onClose={sendModal.close}
        send={send}
        title={t("quotes.detail.sendTitle")}
        intro={t("quotes.detail.sendIntro")}
        confirmLabel={t("quotes.detail.sendConfirm")}
        issueDates={{ document: "quote", editHref: `/quotes/${quote.id}/edit` }}
      />
      <Modal opened={convertOpened} onClose={convertModal.close} title={t("quotes.detail.convertTitle")}>
        <Stack>
          <Text size="sm">{t("quotes.detail.convertBody")}</Text>
          <ErrorAlert error={convert.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={convertModal.close}>
              {t("common.cancel")}
            </Button>
            {(["sales_order", "invoice"] as const).map((target) => (
              <Button
                key={target}
                variant={target === "invoice" ? "filled" : "light"}
                loading={convert.isPending && convert.variables === target}
                disabled={convert.isPending}
                onClick={() =>
                  convert.mutate(target, {
                    onSuccess: ({ invoiceId, salesOrderId }) => {
                      notifications.show({
                        color: "green",
                        message: t(invoiceId ? "quotes.detail.converted" : "quotes.detail.convertedToOrder"),
                      });
                      convertModal.close();
                      navigate(invoiceId ? `/invoices/${invoiceId}` : `/sales-orders/${salesOrderId}`);
                    },
                  })
                }
              >
                {t(target === "invoice" ? "quotes.detail.convert" : "quotes.detail.convertToOrder")}
              </Button>
            ))}
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
