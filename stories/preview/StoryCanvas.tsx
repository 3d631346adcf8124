import { Component, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type { Args } from "../support/csf.js";
import { settle } from "../support/interact.js";
import { composeStory, StoryContextProvider } from "./composeStory.js";
import type { IndexedStory } from "./storyIndex.js";

type PlayState = "playing" | "ready" | "failed";

class StoryErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <p role="alert" className="preview-error">
          This story failed to render: {this.state.error.message}
        </p>
      );
    }
    return this.props.children;
  }
}

/**
 * Renders one story into `#story-root` and runs its `play` function once per mount. The
 * root's `data-story-state` tells tests and screenshots when the state is on screen.
 */
export function StoryCanvas(props: { entry: IndexedStory; args: Args }) {
  const { entry, args } = props;
  const Story = useMemo(() => composeStory(entry), [entry]);
  const rootRef = useRef<HTMLDivElement>(null);
  const played = useRef(false);
  const argsRef = useRef(args);
  argsRef.current = args;
  const [playState, setPlayState] = useState<PlayState>(entry.story.play ? "playing" : "ready");
  const [playError, setPlayError] = useState<string | null>(null);

  useEffect(() => {
    const play = entry.story.play;
    const canvasElement = rootRef.current;
    // StrictMode mounts effects twice; a play function must run once.
    if (!play || !canvasElement || played.current) return;
    played.current = true;
    // After StrictMode's throwaway mount is gone, so play never drives a discarded tree.
    settle()
      .then(() => play({ canvasElement, args: argsRef.current }))
      .then(
        () => setPlayState("ready"),
        (error: unknown) => {
          console.error(`${entry.id}: play function failed`, error);
          setPlayError(error instanceof Error ? error.message : String(error));
          setPlayState("failed");
        },
      );
  }, [entry]);

  const parameters = useMemo(
    () => ({ ...entry.meta.parameters, ...entry.story.parameters }),
    [entry],
  );
  const context = { args, id: entry.id, title: entry.title, name: entry.name, parameters };
  const layout = parameters.layout ?? "padded";
  return (
    <>
      <div
        id="story-root"
        ref={rootRef}
        // The skip link's target: focus lands here, the next Tab is the story's first control.
        tabIndex={-1}
        className={`story-root story-root--${String(layout)}`}
        data-story-id={entry.id}
        data-story-state={playState}
      >
        <StoryErrorBoundary>
          <StoryContextProvider value={context}>
            <Story />
          </StoryContextProvider>
        </StoryErrorBoundary>
      </div>
      {playError ? <p className="preview-error">Interaction failed: {playError}</p> : null}
    </>
  );
}
