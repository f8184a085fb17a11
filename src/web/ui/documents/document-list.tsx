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
 * A back-office list's texts, from its catalogue section: `<section>.title`, `.noMatches`, `.emptyTitle`
 * and `.emptyDescription` (every kind's section has the four; `catalogues.test.ts` keeps es and en alike).
 */
export function listTextsAt(t: (key: never) => string, section: string): DocumentListText {
  const at = (name: string) => t(`${section}.${name}` as never);
  return {
    title: at("title"),
    noMatches: at("noMatches"),
    empty: at("emptyTitle"),
    emptyDescription: at("emptyDescription"),
  };
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
