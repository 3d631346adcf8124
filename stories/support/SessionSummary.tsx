import { useAuth } from "../../src/react/index.js";

/**
 * One line of what `useAuth()` says, as an app built on the kit might show it: who is
 * signed in, a refresh in progress, or why the session ended.
 */
export function SessionSummary() {
  const { status, user, error } = useAuth();
  let text: string;
  if (status === "signed_in") text = `Signed in as ${user?.email ?? user?.id}.`;
  else if (status === "refreshing") text = `Renewing the session of ${user?.email ?? "the user"}…`;
  else if (status === "initializing") text = "Checking for a session…";
  else if (error?.code === "session_expired" || error?.code === "refresh_failed") {
    text = error.message;
  } else text = "Signed out.";
  return (
    <p role="status" style={{ margin: "12px 0", color: "inherit" }}>
      {text}
    </p>
  );
}
