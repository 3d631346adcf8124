import { MutationCache, type QueryClient } from "@tanstack/react-query";

// The two QueryClient methods useMutation's observer and cache call. Typed against
// QueryClient so a change to either signature fails the type check.
type MutationOnlyClient = Pick<QueryClient, "getMutationCache" | "defaultMutationOptions">;

/**
 * The provider's own client when the app has no QueryClient: it runs mutations only (the kit
 * has no queries), so an app without React Query does not ship QueryClient's query cache,
 * query observers and focus/online wiring (~6 kB gzip). With networkMode "always" no
 * mutation ever pauses, so nothing needs the online/focus resumption QueryClient.mount adds.
 */
export function createMutationClient(): QueryClient {
  const cache = new MutationCache();
  const client: MutationOnlyClient = {
    getMutationCache: () => cache,
    // gcTime 0: nothing reads a finished mutation after its form unmounts, so its session is
    // dropped at once instead of kept behind a 5-minute timer that outlives the widget.
    // Merging again is harmless, so no private "already defaulted" flag is needed (React
    // Query's own client reads `_defaulted` only inside its own defaultMutationOptions).
    defaultMutationOptions: ((options?: object) => ({ gcTime: 0, ...options })) as never,
  };
  return client as QueryClient;
}
