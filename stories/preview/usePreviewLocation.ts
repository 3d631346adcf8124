import { useCallback, useSyncExternalStore } from "react";

// The preview keeps its place in the query string (`?story=…`, `?view=host`,
// `?provider=firebase`) so every view has a link that tests and people can open.

function subscribe(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  return () => window.removeEventListener("popstate", listener);
}

const getSearch = () => window.location.search;

/** The current query parameters and a way to change them without a reload. */
export function usePreviewLocation(): [
  URLSearchParams,
  (changes: Record<string, string | null>) => void,
] {
  const search = useSyncExternalStore(subscribe, getSearch);
  const navigate = useCallback((changes: Record<string, string | null>) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    window.history.pushState(null, "", `?${params}`);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, []);
  return [new URLSearchParams(search), navigate];
}
