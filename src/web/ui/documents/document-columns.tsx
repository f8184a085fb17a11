import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useFormat } from "../format.js";
import type { Column } from "../responsive-table.js";

interface ListedDocument {
  id: string;
  totalMinor: number;
  currency: string;
}

/** The columns every document list shares; a kind adds its own (expiry, reference, kind, amount due). */
export function useDocumentColumns<T extends ListedDocument>() {
  const f = useFormat();
  return {
    number: (header: string, href: (row: T) => string, label: (row: T) => string): Column<T> => ({
      key: "number",
      header,
      kind: "title",
      cell: (row) => (
        <Anchor component={Link} to={href(row)} fw={500}>
          {label(row)}
        </Anchor>
      ),
    }),
    text: (key: string, header: string, cell: (row: T) => ReactNode): Column<T> => ({ key, header, cell }),
    date: (key: string, header: string, date: (row: T) => string | null): Column<T> => ({
      key,
      header,
      cell: (row) => f.date(date(row)),
    }),
    total: (header: string): Column<T> => ({
      key: "total",
      header,
      kind: "money",
      cell: (row) => f.money(row.totalMinor, row.currency),
    }),
    status: (header: string, badge: (row: T) => ReactNode): Column<T> => ({
      key: "status",
      header,
      kind: "aside",
      cell: badge,
    }),
  };
}
