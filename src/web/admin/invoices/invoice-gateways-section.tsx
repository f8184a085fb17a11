import { Button, Card, Checkbox, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { notifyDone } from "../../ui/notify.js";
import { queryKeys } from "../../ui/query-keys.js";
import { invoiceGatewayChoice } from "./invoice-gateways-model.js";

/**
 * "Payment methods offered" (issue 13): staff narrow, per invoice, the organisation's online gateways
 * the portal offers for it (`PUT /api/invoices/:id/gateways`). All ticked is the organisation's choice.
 */
export function InvoiceGatewaysSection({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: [...queryKeys.paymentGateways, "settings"],
    queryFn: ({ signal }) => api.get("/api/payment-gateways", { signal }),
  });
  const [ticked, setTicked] = useState<string[]>(invoice.gateways);
  useEffect(() => setTicked(invoice.gateways), [invoice.gateways]);
  const save = useMutation({
    mutationFn: (gateways: string[]) =>
      api.put("/api/invoices/:id/gateways", { params: { id: invoice.id }, body: { gateways } }),
    onSuccess: () => {
      notifyDone(t("gateways.invoice.saved"));
      return client.invalidateQueries({ queryKey: queryKeys.invoices.all });
    },
  });
  if (!settings.data) return null;
  const offered = settings.data.offered;
  const { chosen, note } = invoiceGatewayChoice(offered, ticked);

  return (
    <Card withBorder component="section" aria-labelledby="invoice-gateways-title">
      <Title order={2} size="h4" mb="xs" id="invoice-gateways-title">
        {t("gateways.invoice.title")}
      </Title>
      {offered.length === 0 ? (
        <Text size="sm">{t("gateways.invoice.none")}</Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(chosen);
          }}
        >
          <Stack gap="xs">
            <Text size="sm">{t("gateways.invoice.intro")}</Text>
            <Checkbox.Group value={chosen} onChange={setTicked} aria-labelledby="invoice-gateways-title">
              <Stack gap={6}>
                {offered.map((g) => (
                  <Checkbox key={g} value={g} label={t(`gateways.names.${g}`, { defaultValue: g })} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Text size="sm" c="dimmed" aria-live="polite">
              {note ? t(`gateways.invoice.${note}`) : null}
            </Text>
            <Group>
              <Button type="submit" variant="light" loading={save.isPending}>
                {t("gateways.invoice.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
