import { useEffect, useState } from "react";
import type { FieldValues, UseFormSubscribe } from "react-hook-form";

/**
 * Each field's error message, re-rendering the form only when one changes: react-hook-form
 * reports the errors after every submit and revalidation, most often the ones shown already.
 */
export function useFieldErrors(
  subscribe: UseFormSubscribe<FieldValues>,
): Record<string, string | undefined> {
  const [texts, setTexts] = useState("{}");
  useEffect(
    () =>
      subscribe({
        formState: { errors: true },
        callback: ({ errors }) => {
          const next: Record<string, unknown> = {};
          for (const name in errors) next[name] = errors[name]?.message;
          // A string, so React drops a write equal to what it holds without rendering.
          setTexts(JSON.stringify(next));
        },
      }),
    [subscribe],
  );
  return JSON.parse(texts);
}
