import { useEffect, useState } from "react";
import type { AppsmithHost } from "./appsmithHost.js";

interface Summary {
  status: string;
  user: string;
  expiresAt: number | null;
  error: string;
  accessToken: boolean;
}

function summarise(model: Record<string, unknown>): Summary {
  const user = model.user as { email?: unknown; id?: unknown } | null | undefined;
  const error = model.error as { code?: unknown } | null | undefined;
  return {
    status: typeof model.status === "string" ? model.status : "—",
    user: typeof user?.email === "string" ? user.email : "—",
    expiresAt: typeof model.expiresAt === "number" ? model.expiresAt : null,
    error: typeof error?.code === "string" ? error.code : "—",
    accessToken: typeof model.accessToken === "string" && model.accessToken !== "",
  };
}

/** The widget's keys of `Custom1.model` as the app would read them; the token only as "set". */
export function HostModelSummary(props: { host: AppsmithHost | null }) {
  const { host } = props;
  const [now, setNow] = useState(() => Date.now());
  const [summary, setSummary] = useState<Summary | null>(null);
  useEffect(() => {
    if (!host) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      setSummary(summarise(host.getModel()));
    }, 500);
    return () => clearInterval(timer);
  }, [host]);
  if (!summary) return <p className="muted">Waiting for the widget…</p>;
  const left = summary.expiresAt === null ? null : Math.round((summary.expiresAt - now) / 1000);
  return (
    <dl className="model-summary">
      <dt>status</dt>
      <dd>{summary.status}</dd>
      <dt>user.email</dt>
      <dd>{summary.user}</dd>
      <dt>accessToken</dt>
      <dd>{summary.accessToken ? "set (not shown)" : "—"}</dd>
      <dt>expiresAt</dt>
      <dd>{left === null ? "—" : left >= 0 ? `in ${left} s` : `${-left} s ago`}</dd>
      <dt>error.code</dt>
      <dd>{summary.error}</dd>
    </dl>
  );
}
