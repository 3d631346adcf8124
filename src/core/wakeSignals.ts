/** Calls `callback` when the page becomes visible again or the network comes back. */
export function onWake(callback: () => void): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => {};
  const onVisibility = () => {
    if (document.visibilityState === "visible") callback();
  };
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("online", callback);
  return () => {
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("online", callback);
  };
}
