/** One line of a log: when, what kind, and the detail. */
export interface LogLine {
  seq: number;
  at: number;
  kind: string;
  text: string;
}

/**
 * A numbered, polite live log. Empty, it says "none yet" beside the list, not as its first
 * item (which read "1. none yet"); the list itself stays in the page so that its first
 * line is announced.
 */
export function LogList(props: { lines: readonly LogLine[] }) {
  return (
    <>
      {props.lines.length === 0 ? <p className="muted log-empty">none yet</p> : null}
      <ol className="event-log" aria-live="polite">
        {props.lines.map((line) => (
          <li key={line.seq}>
            <time>{new Date(line.at).toLocaleTimeString()}</time> <b>{line.kind}</b> {line.text}
          </li>
        ))}
      </ol>
    </>
  );
}
