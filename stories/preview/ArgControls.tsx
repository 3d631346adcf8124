import { useId } from "react";
import type { Args, ArgType } from "../support/csf.js";

type ControlKind = "text" | "number" | "boolean" | "select";

/** Picks a control from the arg type, else from the value's JavaScript type. */
export function controlKind(value: unknown, argType: ArgType | undefined): ControlKind | null {
  const control = argType?.control;
  if (control === false) return null;
  const named = typeof control === "object" ? control.type : control;
  if (named === "select" || named === "radio" || named === "inline-radio") return "select";
  if (named === "text" || named === "number" || named === "boolean") return named;
  if (argType?.options) return "select";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return null;
}

function Control(props: {
  name: string;
  kind: ControlKind;
  value: unknown;
  argType: ArgType | undefined;
  onChange: (value: unknown) => void;
}) {
  const id = useId();
  const { name, kind, value, argType, onChange } = props;
  let input: React.ReactNode;
  if (kind === "boolean") {
    input = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  } else if (kind === "select") {
    const options = argType?.options ?? [];
    input = (
      <select
        id={id}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => {
          const picked = options.find((o) => String(o) === e.currentTarget.value);
          onChange(picked === undefined ? undefined : picked);
        }}
      >
        {value === undefined ? <option value="">(unset)</option> : null}
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        id={id}
        type={kind}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          onChange(kind === "number" ? (raw === "" ? undefined : Number(raw)) : raw);
        }}
      />
    );
  }
  return (
    <div className="control">
      <label htmlFor={id}>{name}</label>
      {input}
      {argType?.description ? <small>{argType.description}</small> : null}
    </div>
  );
}

/** Text, number, boolean and select controls for a story's args. */
export function ArgControls(props: {
  args: Args;
  argTypes: Record<string, ArgType | undefined>;
  onChange: (name: string, value: unknown) => void;
}) {
  const names = [...new Set([...Object.keys(props.args), ...Object.keys(props.argTypes)])];
  const rows = names.flatMap((name) => {
    const kind = controlKind(props.args[name], props.argTypes[name]);
    return kind ? [{ name, kind }] : [];
  });
  if (rows.length === 0) return <p className="muted">This story has no editable args.</p>;
  return (
    <div className="controls">
      {rows.map(({ name, kind }) => (
        <Control
          key={name}
          name={name}
          kind={kind}
          value={props.args[name]}
          argType={props.argTypes[name]}
          onChange={(value) => props.onChange(name, value)}
        />
      ))}
    </div>
  );
}
