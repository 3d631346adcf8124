import { Fragment, type MouseEvent, type ReactNode } from "react";
import type { IndexedStory } from "./storyIndex.js";

function groupByTitle(stories: IndexedStory[]): [string, IndexedStory[]][] {
  const groups = new Map<string, IndexedStory[]>();
  for (const story of stories) {
    const group = groups.get(story.title) ?? [];
    group.push(story);
    groups.set(story.title, group);
  }
  return [...groups];
}

/** "Components/LogoutButton" that wraps only after its slashes, never inside a word. */
function breakAtSlashes(title: string): ReactNode {
  return title.split("/").map((part, index) => (
    <Fragment key={part}>
      {index > 0 && (
        <>
          /<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}

/** The story list, grouped by file title, plus the Appsmith host view. */
export function Sidebar(props: {
  stories: IndexedStory[];
  currentId: string | null;
  hostView: boolean;
  onNavigate: (changes: Record<string, string | null>) => void;
}) {
  const follow = (event: MouseEvent<HTMLAnchorElement>, changes: Record<string, string | null>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    props.onNavigate(changes);
  };
  return (
    <nav className="sidebar" aria-label="Stories">
      {groupByTitle(props.stories).map(([title, stories]) => (
        <section key={title}>
          <h2>{breakAtSlashes(title)}</h2>
          <ul>
            {stories.map((story) => (
              <li key={story.id}>
                <a
                  href={`?story=${story.id}`}
                  data-story-link={story.id}
                  aria-current={
                    !props.hostView && story.id === props.currentId ? "page" : undefined
                  }
                  onClick={(e) => follow(e, { story: story.id, view: null })}
                >
                  {story.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section>
        <h2>Appsmith</h2>
        <ul>
          <li>
            <a
              href="?view=host"
              aria-current={props.hostView ? "page" : undefined}
              onClick={(e) => follow(e, { view: "host", story: null })}
            >
              Appsmith host
            </a>
          </li>
        </ul>
      </section>
    </nav>
  );
}
