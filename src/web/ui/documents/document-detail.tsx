import { Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InvoiceLine } from "../../../shared/contracts/index.js";
import { Fact } from "../fact.js";
import { InvoiceLinesTable } from "../invoice-lines-table.js";
import { TaxBreakdownTable, TotalsTable, type TotalsView } from "../invoice-totals.js";
import { LongText } from "../long-text.js";

export interface DocumentFact {
  label: string;
  value: ReactNode;
}

/** What every sales document shows: its lines, its totals and its free texts. */
export interface DetailDocument extends TotalsView {
  lines: InvoiceLine[];
  currency: string;
  notes: string | null;
  terms: string | null;
}

interface DocumentDetailProps {
  doc: DetailDocument;
  title: string;
  /** The status badge and any other badge beside the title. */
  badges: ReactNode;
  actions: ReactNode;
  /** Notices between the title and the facts (a superseded quote). */
  notice?: ReactNode;
  /** The header's facts; `null` leaves a fact out. */
  facts: (DocumentFact | null)[];
  factColumns?: number;
  /** The portal sets its facts' values in a heavier weight. */
  strongFacts?: boolean;
  /** A dimmed line under the facts (sent, viewed). */
  footnote?: ReactNode;
  /** Between the facts and the lines: answers, payment, credit. */
  beforeLines?: ReactNode;
  /** Between the lines and the totals (a sales order's fulfilment). */
  afterLines?: ReactNode;
  /** Below the notes and terms: payments, versions, invoices, comments, activity. */
  children?: ReactNode;
}

/**
 * The detail page of every document kind in both apps: title with badges and an actions slot, the
 * parties' and dates' facts, the lines, the tax breakdown and totals, notes and terms. Each kind fills the
 * slots with what only it has.
 */
export function DocumentDetail({
  doc,
  title,
  badges,
  actions,
  notice,
  facts,
  factColumns = 4,
  strongFacts = false,
  footnote,
  beforeLines,
  afterLines,
  children,
}: DocumentDetailProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2">
            {title}
          </Title>
          {badges}
        </Group>
        {actions}
      </Group>
      {notice}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: factColumns }} component="dl" m={0}>
          {facts.map((fact) =>
            fact ? (
              <Fact key={fact.label} label={fact.label} fw={strongFacts ? 500 : undefined}>
                {fact.value}
              </Fact>
            ) : null,
          )}
        </SimpleGrid>
        {footnote ? (
          <Text size="xs" c="dimmed" mt="sm">
            {footnote}
          </Text>
        ) : null}
      </Card>
      {beforeLines}
      <InvoiceLinesTable lines={doc.lines} currency={doc.currency} />
      {afterLines}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TaxBreakdownTable totals={doc} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TotalsTable totals={doc} />
        </Grid.Col>
      </Grid>
      {doc.notes ? <LongText label={t("invoice.notes")} text={doc.notes} /> : null}
      {doc.terms ? <LongText label={t("invoice.terms")} text={doc.terms} /> : null}
      {children}
    </Stack>
  );
}
