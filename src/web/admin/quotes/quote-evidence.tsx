import { Alert, Button, Card, Code, Group, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { QuoteAcceptanceEvidence } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useVerifyEvidence } from "./quotes-api.js";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

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
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
          <Fact label={t("quotes.evidence.signer")}>{evidence.signerName}</Fact>
          <Fact label={t("quotes.evidence.email")}>{evidence.signerEmail}</Fact>
          <Fact label={t("quotes.evidence.acceptedAt")}>{f.dateTime(evidence.acceptedAt)}</Fact>
          <Fact label={t("quotes.evidence.ip")}>{evidence.ip}</Fact>
          <Fact label={t("quotes.evidence.userAgent")}>{evidence.userAgent ?? t("common.none")}</Fact>
          <Fact label={t("quotes.evidence.hash")}>
            <Code>{evidence.documentHash}</Code>
          </Fact>
        </SimpleGrid>
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
