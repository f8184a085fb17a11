import { type MantineBreakpoint, type MantineSpacing, Table, type TableTdProps } from "@mantine/core";
import type { ReactNode } from "react";
import type { Column } from "./responsive-table.js";

/**
 * A column of a small table inside a page (lines, totals, payments, versions): the same `key`, `header` and
 * `cell` as a list's `Column`, with what those tables need instead of the phone cards.
 */
export interface TableColumn<T> extends Pick<Column<T>, "key" | "header" | "cell"> {
  /** Amounts and quantities: the header and the cells are right-aligned. */
  align?: "right";
  /** The cell names its row (`th scope="row"`), with this font weight. */
  rowHeader?: number;
  /** The column (header and cells) shows only from this breakpoint up. */
  visibleFrom?: MantineBreakpoint;
  /** More props of a row's cell (a colour, a width). */
  cellProps?: (row: T) => TableTdProps;
}

/** A column on one line: its key, header and cell, and what else it needs (`align`, `cellProps`…). */
export function column<T>(
  key: string,
  header: string,
  cell: (row: T) => ReactNode,
  more?: Omit<TableColumn<T>, "key" | "header" | "cell">,
): TableColumn<T> {
  return { key, header, cell, ...more };
}

/** A right-aligned column (amounts, quantities). */
export function amountColumn<T>(key: string, header: string, cell: (row: T) => ReactNode): TableColumn<T> {
  return column(key, header, cell, { align: "right" });
}

/**
 * A small table built from columns: a caption (or an accessible name), a header row and one row per item.
 * It stays a table on a phone, scrolling sideways below `minWidth`; lists of pages use `ResponsiveTable`.
 */
export function ColumnTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  label,
  labelledBy,
  minWidth,
  striped,
  verticalSpacing,
}: {
  columns: NoInfer<TableColumn<T>>[];
  rows: T[];
  rowKey: (row: T) => string;
  caption?: string;
  /** The table's accessible name when it has no caption. */
  label?: string;
  /** The id of the heading that names the table. */
  labelledBy?: string;
  /** Scrolls sideways below this width (px); without it the table is not in a scroll container. */
  minWidth?: number;
  striped?: boolean;
  verticalSpacing?: MantineSpacing;
}) {
  const table = (
    <Table
      striped={striped}
      verticalSpacing={verticalSpacing}
      captionSide={caption ? "top" : undefined}
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {caption ? <Table.Caption ta="left">{caption}</Table.Caption> : null}
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} scope="col" ta={c.align} visibleFrom={c.visibleFrom}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((c) =>
              c.rowHeader !== undefined ? (
                <Table.Th key={c.key} scope="row" fw={c.rowHeader} visibleFrom={c.visibleFrom}>
                  {c.cell(row)}
                </Table.Th>
              ) : (
                <Table.Td key={c.key} ta={c.align} visibleFrom={c.visibleFrom} {...c.cellProps?.(row)}>
                  {c.cell(row)}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}
