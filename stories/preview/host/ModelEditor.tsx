import { useId, useState } from "react";

/** Parses the Default Model text: a JSON object, or a message saying what is wrong. */
export function parseModel(
  text: string,
): { ok: true; model: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "The Default Model must be a JSON object ({ … })." };
  }
  return { ok: true, model: value as Record<string, unknown> };
}

/**
 * The widget's Default Model as JSON. "Reset model" does what Appsmith does when a binding in
 * the Default Model changes; "Reload widget" starts the frame again with it, as a page load.
 */
export function ModelEditor(props: {
  initial: string;
  onReset: (model: Record<string, unknown>) => void;
  onReload: (model: Record<string, unknown>) => void;
}) {
  const id = useId();
  const [text, setText] = useState(props.initial);
  const parsed = parseModel(text);
  return (
    <div className="model-editor">
      <label htmlFor={id}>Default Model (JSON)</label>
      <textarea
        id={id}
        value={text}
        rows={9}
        spellCheck={false}
        aria-invalid={!parsed.ok}
        aria-describedby={`${id}-status`}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <p id={`${id}-status`} className={parsed.ok ? "muted" : "preview-error"}>
        {parsed.ok ? "Valid JSON object." : parsed.message}
      </p>
      <div className="button-row">
        <button
          type="button"
          disabled={!parsed.ok}
          onClick={() => parsed.ok && props.onReset(parsed.model)}
        >
          Reset model
        </button>
        <button
          type="button"
          disabled={!parsed.ok}
          onClick={() => parsed.ok && props.onReload(parsed.model)}
        >
          Reload widget
        </button>
      </div>
    </div>
  );
}
