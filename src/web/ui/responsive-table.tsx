import "./responsive-table.css";
import { Table, UnstyledButton } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from "react";

/**
 * How a column shows when the table becomes cards (below Mantine's `sm`, 48em, see responsive-table.css):
 * `title` opens the card (and is the row header), `aside` sits at its top right (a status, a date),
 * `money` is a labelled amount that never wraps, `detail` a labelled line. `hideOnPhone` leaves a column
 * out of the card only.
 */
export type ColumnKind = "title" | "aside" | "money" | "detail";

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  kind?: ColumnKind;
  hideOnPhone?: boolean;
  /** The list's sort key this column orders by: its header becomes a button (with `sorting`). */
  sort?: string;
}

/** A paged list's order: the header of the column sorted on carries `aria-sort`; a click re-sorts. */
export interface TableSorting {
  sort: string;
  dir: "asc" | "desc";
  onSort: (sort: string) => void;
}

function SortHeader({ header, sort, sorting }: { header: string; sort: string; sorting: TableSorting }) {
  const active = sorting.sort === sort;
  return (
    <UnstyledButton
      onClick={() => sorting.onSort(sort)}
      fw="inherit"
      fz="inherit"
      style={{ display: "inline-flex", gap: 4, alignItems: "center", whiteSpace: "nowrap" }}
    >
      {header}
      <span aria-hidden style={{ opacity: active ? 1 : 0.35 }}>
        {active ? (sorting.dir === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </UnstyledButton>
  );
}

/** The attributes that place a cell on the card; custom rows (totals, opening balance) use them too. */
export function cardCell(kind: ColumnKind, label?: string, hideOnPhone = false) {
  return {
    "data-kind": kind,
    ...(label && kind !== "title" && kind !== "aside" ? { "data-label": label } : {}),
    ...(hideOnPhone ? { "data-phone": "hide" } : {}),
    ...(kind === "money" ? { ta: "right" as const } : {}),
  };
}

/** Whether the element is narrower than its content: only then is it a scroll region a keyboard must reach. */
function useOverflows<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, overflows };
}

/**
 * One table for every list of both apps: a table on wide screens (scrolling sideways, focusable and named,
 * only when it does not fit), cards on a phone, where each cell shows its column's name. The cards stay a
 * table for assistive technology (rows and cells keep their roles).
 */
export function ResponsiveTable<T>({
  label,
  caption,
  rows,
  rowKey,
  columns,
  before,
  footer,
  striped = true,
  scrolls = true,
  minWidth,
  testId,
  sorting,
}: {
  /** The table's accessible name (and its scroll region's). */
  label: string;
  caption?: ReactNode;
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  /** Rows before the data rows (an opening balance). */
  before?: ReactNode;
  /** Rows of the table's foot (totals). */
  footer?: ReactNode;
  striped?: boolean;
  /** Off for a table that always fits, or sits in a visually hidden box (which would make it a scroll region). */
  scrolls?: boolean;
  /** Below this width (px) the table scrolls instead of squeezing its columns; cards ignore it. */
  minWidth?: number;
  testId?: string;
  /** Sortable headers for the columns that name a `sort` (a paged list's order). */
  sorting?: TableSorting;
}) {
  const { ref, overflows } = useOverflows<HTMLDivElement>();
  // On a phone the header row is visually hidden (cards): its buttons would take focus unseen, so the
  // list offers its sort in the toolbar there instead.
  const isPhone = useMediaQuery("(max-width: 47.99em)");
  return (
    <div
      ref={ref}
      className={scrolls ? "portico-table-scroll" : undefined}
      {...(scrolls && overflows ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      <Table
        className="portico-cards"
        striped={striped}
        highlightOnHover
        captionSide="top"
        aria-label={caption ? undefined : label}
        data-testid={testId}
        style={minWidth ? ({ "--portico-table-min-width": `${minWidth}px` } as CSSProperties) : undefined}
      >
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th
                key={c.key}
                scope="col"
                ta={c.kind === "money" ? "right" : undefined}
                // Only the header sorted on carries aria-sort (ARIA: one header at a time).
                aria-sort={
                  sorting && c.sort && sorting.sort === c.sort
                    ? sorting.dir === "asc"
                      ? "ascending"
                      : "descending"
                    : undefined
                }
              >
                {sorting && c.sort && !isPhone ? (
                  <SortHeader header={c.header} sort={c.sort} sorting={sorting} />
                ) : (
                  c.header
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before}
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) => {
                const kind = c.kind ?? "detail";
                const props = cardCell(kind, c.header, c.hideOnPhone);
                return kind === "title" ? (
                  <Table.Th key={c.key} scope="row" fw="normal" {...props}>
                    <div className="portico-cell">{c.cell(row)}</div>
                  </Table.Th>
                ) : (
                  <Table.Td key={c.key} {...props}>
                    <div className="portico-cell">{c.cell(row)}</div>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer ? <Table.Tfoot>{footer}</Table.Tfoot> : null}
      </Table>
    </div>
  );
}
