import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Rectification } from "../../../shared/contracts/index.js";
import { useFormat } from "../format.js";

interface Props {
  rectification: Rectification;
  currency: string;
  /** The back office links each rectified invoice to its page; the portal shows number and date. */
  linkTo?: (invoiceId: string) => string;
}

/**
 * A Spanish rectifying invoice's type, method, reason and the invoices it rectifies (decision 051), the
 * same on the back office's and the portal's document page.
 */
export function RectificationCard({ rectification: r, currency, linkTo }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [first] = r.rectified;
  return (
    <Card withBorder component="section" aria-labelledby="rectification-title">
      <Title order={2} size="h4" mb="xs" id="rectification-title">
        {t("rectifying.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("rectifying.type")}
          </Text>
          <Text>{t(`rectifying.types.${r.type}`)}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("rectifying.method")}
          </Text>
          <Text>{t(`rectifying.methods.${r.method}`)}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("rectifying.reason")}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{r.reason}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("rectifying.rectified")}
          </Text>
          {r.rectified.length === 0 ? (
            <Text>{t("rectifying.none")}</Text>
          ) : (
            <List size="sm">
              {r.rectified.map((x) => {
                const label = t("rectifying.rectifiedOf", { number: x.number, date: f.date(x.issueDate) });
                return (
                  <List.Item key={x.invoiceId}>
                    {linkTo ? (
                      <Anchor component={Link} to={linkTo(x.invoiceId)}>
                        {label}
                      </Anchor>
                    ) : (
                      label
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Stack>
      </SimpleGrid>
      {r.method === "substitution" &&
      first?.baseMinor != null &&
      first.taxMinor != null &&
      r.correctedBaseMinor != null &&
      r.correctedTaxMinor != null ? (
        <Stack gap={2} mt="sm">
          <Text size="sm">
            {t("rectifying.rectifiedAmounts", {
              base: f.money(first.baseMinor, currency),
              tax: f.money(first.taxMinor, currency),
            })}
          </Text>
          <Text size="sm">
            {t("rectifying.correctedAmounts", {
              base: f.money(r.correctedBaseMinor, currency),
              tax: f.money(r.correctedTaxMinor, currency),
            })}
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}
