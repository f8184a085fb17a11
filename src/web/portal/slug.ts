import { apiClient } from "../ui/api-client.js";

/** The organisation's portal slug, from the address `/p/{slug}/…` the server mounted this app at. */
export const slug: string = decodeURIComponent(/^\/p\/([^/]+)/.exec(window.location.pathname)?.[1] ?? "");

export const basename = `/p/${encodeURIComponent(slug)}`;

/** API path of this portal: portalApi("/invoices") → "/api/portal/{slug}/invoices". */
export function portalApi(path = ""): string {
  return `/api/portal/${encodeURIComponent(slug)}${path}`;
}

/** This portal's API client: the typed `api` with `:slug` filled in. */
export const portal = apiClient({ slug });
