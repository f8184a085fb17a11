import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryString } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal, portalApi } from "../slug.js";

/** From, to and currency as the server takes them; any left out takes the server's default. */
export interface StatementFilter {
  from?: string;
  to?: string;
  currency?: string;
}

export const statementPath = (filter: StatementFilter, pdf = false) =>
  portalApi(`/statement${pdf ? "/pdf" : ""}${queryString({ ...filter })}`);

export function usePortalStatement(filter: StatementFilter) {
  return useQuery({
    queryKey: queryKeys.statement(filter),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/statement", { query: filter, signal }),
    // The last statement stays on screen while another period loads.
    placeholderData: keepPreviousData,
  });
}
