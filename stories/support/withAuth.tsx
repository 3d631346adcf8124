import { type ReactNode, useEffect, useState } from "react";
import type { AuthClient } from "../../src/core/clientTypes.js";
import { AuthProvider } from "../../src/react/AuthProvider.js";
import type { Decorator } from "./csf.js";
import { publishEngine } from "./engineMonitor.js";
import { createStoryEngine, type StoryEngineOptions } from "./storyEngine.js";

function AuthStory(props: { options: StoryEngineOptions; children: ReactNode }) {
  const { options } = props;
  const [client, setClient] = useState<AuthClient | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let unpublish: (() => void) | undefined;
    createStoryEngine(options).then(
      (engine) => {
        if (cancelled) return;
        unpublish = publishEngine(engine);
        setClient(engine);
      },
      (error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
      unpublish?.();
    };
  }, [options]);
  if (failure) return <p role="alert">Could not prepare the story's session: {failure}</p>;
  if (!client) return <p data-preparing="">Preparing the story's session…</p>;
  return <AuthProvider client={client}>{props.children}</AuthProvider>;
}

const SIGNED_OUT: StoryEngineOptions = {};

/**
 * A CSF decorator that puts the story inside an `<AuthProvider>` on the demo provider (or
 * the Firebase emulator with `?provider=firebase`). A story picks its starting point with
 * `parameters: { auth: { start: "signed_in" | "refreshing" | "expired", latencyMs } }`.
 */
export const withAuth: Decorator<object> = (Story, context) => {
  const options = (context.parameters.auth as StoryEngineOptions | undefined) ?? SIGNED_OUT;
  return (
    <AuthStory options={options}>
      <Story />
    </AuthStory>
  );
};
