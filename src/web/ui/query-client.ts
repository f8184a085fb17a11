import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-client.js";

/**
 * One client per app; `onUnauthorized` runs when any call answers 401 (session gone), `onError` (if
 * given) on every failed call.
 */
export function createQueryClient(
  onUnauthorized: (client: QueryClient) => void,
  onError?: (error: Error) => void,
): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 401) && query.queryKey[0] !== "me") onUnauthorized(client);
        onError?.(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error, 401)) onUnauthorized(client);
        onError?.(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => !isApiError(error) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
}
