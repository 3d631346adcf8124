import type { ComponentType, ReactNode } from "react";

// The subset of Component Story Format 3 these stories use, typed locally so the story
// files need no Storybook package; the shapes match `@storybook/react`'s Meta/StoryObj.

/** Args a story passes to its component. */
export type Args = Record<string, unknown>;

/** How one arg's control is drawn in the preview (and in Storybook or Ladle). */
export interface ArgType {
  control?: false | "text" | "number" | "boolean" | "select" | { type: string };
  options?: readonly (string | number)[];
  description?: string;
}

/** What a decorator or `render` receives besides the args. */
export interface StoryContext<A = Args> {
  args: A;
  id: string;
  title: string;
  name: string;
  /** The file's parameters with the story's on top. */
  parameters: Record<string, unknown>;
}

/** A decorator wraps the story; it renders `<Story />` where the story should go. */
export type Decorator<A = Args> = (Story: ComponentType, context: StoryContext<A>) => ReactNode;

/** What a `play` function receives: the element the story was rendered into. */
export interface PlayContext<A = Args> {
  canvasElement: HTMLElement;
  args: A;
}

/** A story's `play` function: drives the rendered story into the state it shows. */
export type PlayFunction<A = Args> = (context: PlayContext<A>) => Promise<void> | void;

/** The default export of a story file. */
export interface Meta<A = Args> {
  title: string;
  component?: ComponentType<never>;
  args?: Partial<A>;
  argTypes?: Partial<Record<keyof A & string, ArgType>>;
  decorators?: Decorator<A>[];
  parameters?: Record<string, unknown>;
  render?: (args: A, context: StoryContext<A>) => ReactNode;
}

/** One named story export. */
export interface StoryObj<A = Args> {
  name?: string;
  args?: Partial<A>;
  argTypes?: Partial<Record<keyof A & string, ArgType>>;
  decorators?: Decorator<A>[];
  parameters?: Record<string, unknown>;
  render?: (args: A, context: StoryContext<A>) => ReactNode;
  play?: PlayFunction<A>;
}
