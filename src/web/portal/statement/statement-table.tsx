import { Anchor, Table } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Statement, StatementLine } from "../../../shared/contracts/index.js";
import { type Formatters, useFormat } from "../../ui/format.js";
import { type Column, cardCell, ResponsiveTable } from "../../ui/responsive-table.js";

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
  const label = {
    charges: t("statement.charges"),
    credits: t("statement.credits"),
    balance: t("statement.balance"),
  };
  const columns: Column<StatementLine>[] = [
    { key: "date", header: t("statement.date"), kind: "aside", cell: (line) => f.date(line.date) },
    {
      key: "document",
      header: t("statement.document"),
      kind: "title",
      cell: (line) => <DocumentCell line={line} />,
    },
    { key: "description", header: t("statement.description"), cell: (line) => describe(line, t, f) },
    {
      key: "charges",
      header: label.charges,
      kind: "money",
      cell: (line) => (line.amountMinor > 0 ? money(line.amountMinor) : ""),
    },
    {
      key: "credits",
      header: label.credits,
      kind: "money",
      cell: (line) => (line.amountMinor < 0 ? money(-line.amountMinor) : ""),
    },
    { key: "balance", header: label.balance, kind: "money", cell: (line) => money(line.balanceMinor) },
  ];
  return (
    <ResponsiveTable
      minWidth={680}
      label={t("statement.tableCaption", { from: f.date(s.from), to: f.date(s.to) })}
      caption={t("statement.tableCaption", { from: f.date(s.from), to: f.date(s.to) })}
      rows={s.lines}
      rowKey={(line) => line.id}
      columns={columns}
      before={
        <Table.Tr fw={600}>
          <Table.Td {...cardCell("aside")}>{f.date(s.from)}</Table.Td>
          <Table.Th scope="row" colSpan={4} fw={600} {...cardCell("title")}>
            {t("statement.openingBalance")}
          </Table.Th>
          <Table.Td {...cardCell("money", label.balance)}>{money(s.openingBalanceMinor)}</Table.Td>
        </Table.Tr>
      }
      footer={
        <>
          <Table.Tr>
            <Table.Td />
            <Table.Th scope="row" colSpan={2} {...cardCell("title")}>
              {t("statement.periodTotals")}
            </Table.Th>
            <Table.Td {...cardCell("money", label.charges)}>{money(s.chargesMinor)}</Table.Td>
            <Table.Td {...cardCell("money", label.credits)}>{money(s.creditsMinor)}</Table.Td>
            <Table.Td />
          </Table.Tr>
          <Table.Tr fw={700}>
            <Table.Td {...cardCell("aside")}>{f.date(s.to)}</Table.Td>
            <Table.Th scope="row" colSpan={4} fw={700} {...cardCell("title")}>
              {t("statement.closingBalance")}
            </Table.Th>
            <Table.Td {...cardCell("money", label.balance)}>{money(s.closingBalanceMinor)}</Table.Td>
          </Table.Tr>
        </>
      }
    />
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
