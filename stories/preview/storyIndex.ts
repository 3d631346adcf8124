import type { Meta, StoryObj } from "../support/csf.js";

/** One story found in a CSF file, with the ids Storybook would give it. */
export interface IndexedStory {
  id: string;
  title: string;
  name: string;
  exportName: string;
  meta: Meta;
  story: StoryObj;
}

/** Storybook's id rule: lower case, runs of anything else become one dash. */
export function sanitize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "SessionExpired" → "Session Expired", as Storybook names exports. */
export function storyNameFromExport(exportName: string): string {
  return exportName
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .replace(/^./, (c) => c.toUpperCase());
}

function isStory(value: unknown): value is StoryObj {
  return typeof value === "object" && value !== null;
}

// Module namespaces list exports alphabetically; the source gives the author's order
// (Storybook gets it from `__namedExportsOrder`, which its CSF plugin writes).
function exportOrder(source: string | undefined, names: string[]): string[] {
  if (!source) return names;
  const at = (name: string) => {
    const match = new RegExp(`export\\s+const\\s+${name}\\b`).exec(source);
    return match ? match.index : Number.MAX_SAFE_INTEGER;
  };
  return [...names].sort((a, b) => at(a) - at(b));
}

/** Turns the modules `import.meta.glob` found into a flat, ordered story list. */
export function indexStories(
  modules: Record<string, Record<string, unknown>>,
  sources: Record<string, string> = {},
): IndexedStory[] {
  const stories: IndexedStory[] = [];
  for (const path of Object.keys(modules).sort()) {
    const mod = modules[path] ?? {};
    const meta = mod.default as Meta | undefined;
    if (!meta?.title) {
      console.warn(`${path}: no default export with a title, skipped`);
      continue;
    }
    for (const exportName of exportOrder(sources[path], Object.keys(mod))) {
      const value = mod[exportName];
      if (exportName === "default" || exportName.startsWith("__") || !isStory(value)) continue;
      const name = value.name ?? storyNameFromExport(exportName);
      stories.push({
        id: `${sanitize(meta.title)}--${sanitize(exportName)}`,
        title: meta.title,
        name,
        exportName,
        meta,
        story: value,
      });
    }
  }
  return stories;
}
