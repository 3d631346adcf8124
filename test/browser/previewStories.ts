// The stories the preview will list, read from the CSF files without running them, so the
// browser test can name one test per story before the browser starts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const STORIES_DIR = fileURLToPath(new URL("../../stories/", import.meta.url));

/** Storybook's id rule (the preview's `sanitize`): lower case, other runs become one dash. */
function sanitize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Every story id, as `title--export`, in file and source order. */
export function listStoryIds(): string[] {
  const files = readdirSync(STORIES_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".stories.tsx"))
    .sort();
  return files.flatMap((file) => {
    const source = readFileSync(join(STORIES_DIR, file), "utf8");
    const title = /\btitle:\s*"([^"]+)"/.exec(source)?.[1];
    if (!title) throw new Error(`stories/${file} has no title`);
    const exports = [...source.matchAll(/^export const (\w+)/gm)].map((match) => match[1] ?? "");
    return exports.map((name) => `${sanitize(title)}--${sanitize(name)}`);
  });
}
