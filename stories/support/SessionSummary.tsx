import { useAuth } from "../../src/react/index.js";

/**
 * One line of what `useAuth()` says, as an app built on the kit might show it: who is
 * signed in, a refresh in progress, the provider unreachable, or why the session ended.
 */
export function SessionSummary() {
  const { status, user, error, isLoading, isAuthenticated } = useAuth();
  const who = user?.email ?? user?.id ?? "the user";
  let text: string;
  if (isLoading) text = "Checking for a session…";
  else if (status === "refreshing") text = `Renewing the session of ${who}…`;
  else if (status === "reconnecting") text = `Reconnecting: the session of ${who} is kept.`;
  else if (isAuthenticated) text = `Signed in as ${who}.`;
  else if (error?.code === "session_expired" || error?.code === "refresh_failed") {
    text = error.message;
  } else text = "Signed out.";
  return (
    <p role="status" style={{ margin: "12px 0", color: "inherit" }}>
      {text}
    </p>
  );
}
