import { Alert, Anchor, Button, Card, Group, Stack, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { PortalPaymentDetail } from "../../../shared/contracts/index.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { QueryDetail } from "../../ui/query-states.js";
import { usePdfHref } from "../pdf-href.js";
import { portalApi } from "../slug.js";
import { methodLabel } from "./payment-method.js";
import { usePortalPayment } from "./payments-api.js";
import { ReceiptTables } from "./receipt-tables.js";

/** A receipt (E6) as a printable page: navigation, buttons and banners are hidden when printing. */
export function PortalReceiptPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const payment = usePortalPayment(id);
  return (
    <Stack>
      <Group data-print="hide">
        <Anchor component={Link} to="/payments" size="sm">
          ← {t("receipts.receipt.backToList")}
        </Anchor>
      </Group>
      <SucceededBanner />
      <QueryDetail query={payment}>{(data) => <ReceiptView payment={data} />}</QueryDetail>
    </Stack>
  );
}

/** "Pay everything" returns here with ?payment=succeeded once the payment is recorded. */
function SucceededBanner() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  if (params.get("payment") !== "succeeded") return null;
  return (
    <Alert
      color="green"
      variant="filled"
      role="status"
      title={t("receipts.receipt.succeededTitle")}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={() => setParams({}, { replace: true })}
      data-print="hide"
    >
      {t("receipts.receipt.succeededBody")}
    </Alert>
  );
}

function ReceiptView({ payment }: { payment: PortalPaymentDetail }) {
  const { t } = useTranslation();
  const pdfHref = usePdfHref(portalApi(`/payments/${payment.id}/pdf`));
  const f = useFormat();
  const money = (minor: number) => f.money(minor, payment.currency);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} size="h2">
          {t("receipts.receipt.title", { number: payment.number })}
        </Title>
        <Group gap="xs" data-print="hide">
          <Button component="a" href={pdfHref} download variant="default">
            {t("receipts.receipt.downloadPdf")}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t("receipts.receipt.print")}
          </Button>
        </Group>
      </Group>
      <Card withBorder>
        <FactGrid
          cols={{ base: 2, sm: 4 }}
          fw={500}
          wrapAnywhere
          facts={[
            [t("receipts.receipt.amount"), money(payment.amountMinor)],
            [t("receipts.receipt.paidOn"), f.date(payment.paidOn)],
            [t("receipts.receipt.method"), methodLabel(t, payment.method, payment.gateway)],
            payment.gatewayReference
              ? [t("receipts.receipt.gatewayReference"), payment.gatewayReference]
              : null,
            payment.reference ? [t("receipts.receipt.reference"), payment.reference] : null,
          ]}
        />
      </Card>
      <ReceiptTables payment={payment} />
      <Table w="auto" maw={420} ml="auto" aria-label={t("receipts.receipt.amount")}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t("receipts.receipt.appliedTotal")}</Table.Th>
            <Table.Td ta="right">{money(payment.allocatedMinor)}</Table.Td>
          </Table.Tr>
          {payment.refundedMinor > 0 ? (
            <Table.Tr>
              <Table.Th scope="row">{t("receipts.receipt.refunded")}</Table.Th>
              <Table.Td ta="right">{money(payment.refundedMinor)}</Table.Td>
            </Table.Tr>
          ) : null}
          {payment.unappliedMinor !== 0 ? (
            <Table.Tr>
              <Table.Th scope="row">{t("receipts.receipt.unapplied")}</Table.Th>
              <Table.Td ta="right">{money(payment.unappliedMinor)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
