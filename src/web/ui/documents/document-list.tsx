import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { QueryList, type QueryStates } from "../query-states.js";
import { type Column, ResponsiveTable } from "../responsive-table.js";

export interface DocumentListText {
  /** The page's title, also the table's accessible name. */
  title: string;
  noMatches: string;
  empty: string;
  emptyDescription?: string;
}

/**
 * The list page of every document kind in both apps: its header, its filters, then the loading, error and
 * empty states around the responsive table. Each kind brings its columns and its filters.
 */
export function DocumentList<T extends { id: string }>({
  header,
  filters,
  query,
  isFiltered,
  text,
  emptyAction,
  minWidth,
  columns,
}: {
  header: ReactNode;
  filters: ReactNode;
  query: QueryStates<T[]>;
  isFiltered: boolean;
  text: DocumentListText;
  emptyAction?: ReactNode;
  minWidth: number;
  columns: Column<T>[];
}) {
  return (
    <Stack>
      {header}
      {filters}
      <QueryList
        query={query}
        isFiltered={isFiltered}
        noMatchesTitle={text.noMatches}
        emptyTitle={text.empty}
        emptyDescription={text.emptyDescription}
        emptyAction={emptyAction}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={minWidth}
            label={text.title}
            rows={rows}
            rowKey={(row) => row.id}
            columns={columns}
          />
        )}
      </QueryList>
    </Stack>
  );
}
