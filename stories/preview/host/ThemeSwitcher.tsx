import { useId } from "react";

/** Appsmith's app theme as it reaches a Custom Widget. */
export interface AppTheme {
  primaryColor: string;
  backgroundColor: string;
  borderRadius: string;
  boxShadow: string;
  [key: string]: string;
}

/** A few app themes to flip between. */
export const THEME_PRESETS: Record<string, AppTheme> = {
  "Appsmith default": {
    primaryColor: "#553de9",
    backgroundColor: "#ffffff",
    borderRadius: "6px",
    boxShadow: "0 1px 3px rgba(0,0,0,0.2)",
  },
  "Green, square": {
    primaryColor: "#0b6e4f",
    backgroundColor: "#f8faf9",
    borderRadius: "0px",
    boxShadow: "none",
  },
  "Rounded, orange": {
    primaryColor: "#b4400f",
    backgroundColor: "#fffaf5",
    borderRadius: "16px",
    boxShadow: "0 4px 12px rgba(0,0,0,0.15)",
  },
};

const KEYS = ["primaryColor", "backgroundColor", "borderRadius", "boxShadow"] as const;

function ThemeField(props: { name: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{props.name}</label>
      <input id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} />
    </div>
  );
}

/** Edits the app theme key by key, or picks a preset; every change goes to the widget at once. */
export function ThemeSwitcher(props: { theme: AppTheme; onChange: (theme: AppTheme) => void }) {
  const presetId = useId();
  return (
    <div className="controls">
      <div className="control">
        <label htmlFor={presetId}>preset</label>
        <select
          id={presetId}
          value=""
          onChange={(e) => {
            const preset = THEME_PRESETS[e.currentTarget.value];
            if (preset) props.onChange(preset);
          }}
        >
          <option value="">Choose a preset…</option>
          {Object.keys(THEME_PRESETS).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {KEYS.map((key) => (
        <ThemeField
          key={key}
          name={key}
          value={props.theme[key] ?? ""}
          onChange={(value) => props.onChange({ ...props.theme, [key]: value })}
        />
      ))}
    </div>
  );
}
