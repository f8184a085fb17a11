import { Anchor, Table } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Statement, StatementLine } from "../../../shared/contracts/index.js";
import { type Formatters, useFormat } from "../../ui/format.js";

function describe(line: StatementLine, t: TFunction, f: Formatters): string {
  switch (line.type) {
    case "invoice":
      return line.dueDate ? t("statement.due", { date: f.date(line.dueDate) }) : "";
    case "credit_note":
      return line.correctsNumber ? t("statement.corrects", { number: line.correctsNumber }) : "";
    default:
      return [line.method ? t(`receipts.methods.${line.method}`) : "", line.reference ?? ""]
        .filter(Boolean)
        .join(" · ");
  }
}

/** The movements with their running balance, between an opening and a closing row. */
export function StatementTable({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, s.currency);
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped captionSide="top" verticalSpacing="xs">
        <Table.Caption>
          {t("statement.tableCaption", { from: f.date(s.from), to: f.date(s.to) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("statement.date")}</Table.Th>
            <Table.Th scope="col">{t("statement.document")}</Table.Th>
            <Table.Th scope="col">{t("statement.description")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.charges")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.credits")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.balance")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr fw={600}>
            <Table.Td>{f.date(s.from)}</Table.Td>
            <Table.Th scope="row" colSpan={4} fw={600}>
              {t("statement.openingBalance")}
            </Table.Th>
            <Table.Td ta="right">{money(s.openingBalanceMinor)}</Table.Td>
          </Table.Tr>
          {s.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{f.date(line.date)}</Table.Td>
              <Table.Td>
                <DocumentCell line={line} />
              </Table.Td>
              <Table.Td>{describe(line, t, f)}</Table.Td>
              <Table.Td ta="right">{line.amountMinor > 0 ? money(line.amountMinor) : ""}</Table.Td>
              <Table.Td ta="right">{line.amountMinor < 0 ? money(-line.amountMinor) : ""}</Table.Td>
              <Table.Td ta="right">{money(line.balanceMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td />
            <Table.Th scope="row" colSpan={2}>
              {t("statement.periodTotals")}
            </Table.Th>
            <Table.Td ta="right">{money(s.chargesMinor)}</Table.Td>
            <Table.Td ta="right">{money(s.creditsMinor)}</Table.Td>
            <Table.Td />
          </Table.Tr>
          <Table.Tr fw={700}>
            <Table.Td>{f.date(s.to)}</Table.Td>
            <Table.Th scope="row" colSpan={4} fw={700}>
              {t("statement.closingBalance")}
            </Table.Th>
            <Table.Td ta="right">{money(s.closingBalanceMinor)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

const DETAIL_PAGES: Partial<Record<StatementLine["type"], string>> = {
  invoice: "/invoices",
  credit_note: "/invoices",
  payment: "/payments",
};

/** Invoices, credit notes and payments open their page; a refund names the receipt or credit it returned. */
function DocumentCell({ line }: { line: StatementLine }) {
  const { t } = useTranslation();
  const label = t(`statement.types.${line.type}`);
  const page = DETAIL_PAGES[line.type];
  if (page && line.number)
    return (
      <>
        {label}{" "}
        <Anchor component={Link} to={`${page}/${line.id}`}>
          {line.number}
        </Anchor>
      </>
    );
  return <>{[label, line.number].filter(Boolean).join(" ")}</>;
}
