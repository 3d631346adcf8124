import {
  type ComponentType,
  createContext,
  createElement,
  type ReactNode,
  useContext,
} from "react";
import type { Args, StoryContext } from "../support/csf.js";
import type { IndexedStory } from "./storyIndex.js";

// The current args travel through a context, so changing a control re-renders the
// decorated story in place instead of remounting it (and its auth engine).
const StoryContextValue = createContext<StoryContext | null>(null);

function useStoryContext(): StoryContext {
  const context = useContext(StoryContextValue);
  if (!context) throw new Error("A story must be rendered inside <StoryContextProvider>");
  return context;
}

/** Makes `context` (args, id, title, name) available to the composed story. */
export function StoryContextProvider(props: { value: StoryContext; children: ReactNode }) {
  return createElement(StoryContextValue.Provider, { value: props.value }, props.children);
}

function defaultRender(entry: IndexedStory): (args: Args) => ReactNode {
  const component = entry.meta.component as ComponentType<Args> | undefined;
  if (!component) {
    return () => {
      throw new Error(`${entry.id}: no render function and no component`);
    };
  }
  return (args) => createElement(component, args);
}

/**
 * One stable component for a story: its render (or `<component {...args} />`) wrapped by
 * the story's decorators, then the file's, as Storybook orders them.
 */
export function composeStory(entry: IndexedStory): ComponentType {
  const render = entry.story.render ?? entry.meta.render ?? defaultRender(entry);
  // biome-ignore lint/correctness/noComponentHookFactories: made once per story (useMemo), so stable
  let Current: ComponentType = function StoryRender() {
    const context = useStoryContext();
    return render(context.args, context);
  };
  const decorators = [...(entry.story.decorators ?? []), ...(entry.meta.decorators ?? [])];
  for (const decorator of decorators) {
    const Inner: ComponentType = Current;
    // biome-ignore lint/correctness/noComponentHookFactories: made once per story (useMemo), so stable
    Current = function StoryDecorator(): ReactNode {
      return decorator(Inner, useStoryContext());
    };
  }
  return Current;
}
