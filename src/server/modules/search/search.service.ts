import type { SearchResponse } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import { findSearchResults, searchTermsOf } from "./search.queries.js";

/** The header search box (issue 19): customers, contacts and documents of the organisation matching `q`. */
export function searchBackOffice(db: Db, orgId: string, q: string): Promise<SearchResponse> {
  return withOrg(db, orgId, async (tx) => ({ results: await findSearchResults(tx, searchTermsOf(q)) }));
}
