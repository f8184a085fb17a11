import { Button, EmptyState, Group, Select, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ListPage, ListTotals } from "../../../shared/contracts/list-page.js";
import type { DocumentListText } from "../documents/document-list.js";
import { ErrorState, PageLoader } from "../page-states.js";
import type { QueryStates } from "../query-states.js";
import { type Column, ResponsiveTable } from "../responsive-table.js";
import { ListPager } from "./list-pager.js";
import { ListTotalsLine, type TotalsText } from "./list-totals.js";
import type { ListViewState } from "./use-list-view.js";

/**
 * Every paged list of the back office (issue 19): its header, a toolbar of filters (wrapping on a phone)
 * with the Export menu's slot at its end, the count and sums of the whole filtered set, the page (a
 * table, cards on a phone) with sortable headers, and the pager. The empty state says whether filters
 * hide rows (and offers to clear them) or the page itself is past the rows (and offers the first page).
 */
export function PagedList<T extends { id: string }>({
  list,
  header,
  filters,
  exportMenu,
  page,
  totals,
  totalsText,
  text,
  emptyAction,
  minWidth,
  columns,
  rowKey = (row) => row.id,
}: {
  list: ListViewState;
  header: ReactNode;
  /** The list's filter controls (`filter-controls.tsx`, a customer picker…). */
  filters?: ReactNode;
  /**
   * The Export menu (CSV, XLSX) of the list's current view: `src/web/ui/export/` builds it from
   * `list.filters` and `list.view` (sort, direction); it sits at the end of the toolbar.
   */
  exportMenu?: ReactNode;
  page: QueryStates<ListPage<T>>;
  totals?: QueryStates<ListTotals>;
  totalsText?: TotalsText;
  text: DocumentListText;
  emptyAction?: ReactNode;
  minWidth: number;
  columns: Column<T>[];
  rowKey?: (row: T) => string;
}) {
  const { t } = useTranslation();
  const rows = page.data?.items;
  const sortable = columns.filter((c) => c.sort);
  const sorting = { sort: list.view.sort, dir: list.view.dir, onSort: (sort: string) => list.setSort(sort) };

  const noRows = list.isFiltered ? (
    <EmptyState title={text.noMatches} description={t("lists.empty.filtered")} py="lg">
      <EmptyState.Actions>
        <Button variant="default" onClick={list.clearFilters}>
          {t("lists.empty.clear")}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  ) : list.isPaged ? (
    <EmptyState title={t("lists.empty.pastEnd")} py="lg">
      <EmptyState.Actions>
        <Button variant="default" onClick={() => list.goTo("first")}>
          {t("lists.empty.first")}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  ) : (
    <EmptyState title={text.empty} description={text.emptyDescription} py={emptyAction ? "xl" : "lg"}>
      {emptyAction ? <EmptyState.Actions>{emptyAction}</EmptyState.Actions> : null}
    </EmptyState>
  );

  return (
    <Stack>
      {header}
      {filters || exportMenu || sortable.length > 0 ? (
        <Group align="flex-end" justify="space-between" wrap="wrap" gap="sm">
          <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap" gap="sm" style={{ flex: 1 }}>
            {filters}
            {sortable.length > 0 ? (
              // On a phone the header row is hidden (cards): the order is chosen here instead.
              <Select
                hiddenFrom="sm"
                label={t("lists.sort.label")}
                data={sortable.flatMap((c) => [
                  { value: `${c.sort}:asc`, label: t("lists.sort.asc", { column: c.header }) },
                  { value: `${c.sort}:desc`, label: t("lists.sort.desc", { column: c.header }) },
                ])}
                value={`${list.view.sort}:${list.view.dir}`}
                onChange={(value) => {
                  const [sort, dir] = (value ?? "").split(":");
                  if (!sort) return;
                  list.setSortDir(sort, dir === "asc" ? "asc" : "desc");
                }}
                allowDeselect={false}
                miw={200}
              />
            ) : null}
          </Group>
          {exportMenu}
        </Group>
      ) : null}
      {totals && totalsText ? <ListTotalsLine totals={totals} text={totalsText} /> : null}
      {page.isPending ? <PageLoader /> : null}
      {page.isError ? (
        <Stack gap="xs">
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
          {list.isPaged ? (
            // A cursor of an address kept too long (or of another order) is refused: start again.
            <Group>
              <Button variant="default" size="xs" onClick={() => list.goTo("first")}>
                {t("lists.empty.first")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
      {rows?.length === 0 ? noRows : null}
      {rows && rows.length > 0 ? (
        <ResponsiveTable
          minWidth={minWidth}
          label={text.title}
          rows={rows}
          rowKey={rowKey}
          columns={columns}
          sorting={sorting}
        />
      ) : null}
      {page.data && (rows?.length || page.data.page.prev !== null) ? (
        <ListPager list={list} links={page.data.page} label={text.title} />
      ) : null}
    </Stack>
  );
}
