import { Alert, Button, Card, Code, Group, Image, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { QuoteAcceptanceEvidence } from "../../../shared/contracts/index.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useVerifyEvidence } from "./quotes-api.js";

/** Who accepted, when, from where, what they signed, and whether the quote still matches its hash. */
export function QuoteEvidence({ quoteId, evidence }: { quoteId: string; evidence: QuoteAcceptanceEvidence }) {
  const { t } = useTranslation();
  const f = useFormat();
  const verify = useVerifyEvidence(quoteId);

  return (
    <Card withBorder component="section" aria-labelledby="evidence-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="evidence-title">
          {t("quotes.evidence.title")}
        </Title>
        <FactGrid
          wrapAnywhere
          facts={[
            [t("quotes.evidence.signer"), evidence.signerName],
            [t("quotes.evidence.email"), evidence.signerEmail],
            [t("quotes.evidence.acceptedAt"), f.dateTime(evidence.acceptedAt)],
            [t("quotes.evidence.ip"), evidence.ip],
            [t("quotes.evidence.userAgent"), evidence.userAgent ?? t("common.none")],
            [t("quotes.evidence.hash"), <Code key="hash">{evidence.documentHash}</Code>],
          ]}
        />
        <div>
          <Text size="xs" c="dimmed">
            {t("quotes.evidence.signature")}
          </Text>
          {evidence.signatureKind === "typed" ? (
            <Text size="sm" fs="italic">
              {t("quotes.evidence.typedSignature", { text: evidence.signatureText ?? "" })}
            </Text>
          ) : evidence.hasSignature ? (
            <Image
              src={`/api/quotes/${quoteId}/evidence/signature`}
              alt={t("quotes.evidence.signatureAlt", { name: evidence.signerName })}
              maw={320}
              bg="white"
              style={{ border: "1px solid var(--mantine-color-default-border)" }}
            />
          ) : (
            <Text size="sm">{t("quotes.evidence.noSignature")}</Text>
          )}
        </div>
        <Group>
          <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
            {t("quotes.evidence.verify")}
          </Button>
        </Group>
        {verify.data ? (
          <Alert color={verify.data.intact ? "green" : "red"} role="status">
            {verify.data.intact ? t("quotes.evidence.intact") : t("quotes.evidence.tampered")}
          </Alert>
        ) : null}
        <ErrorAlert error={verify.error} />
      </Stack>
    </Card>
  );
}
