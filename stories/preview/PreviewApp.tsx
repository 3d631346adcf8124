import { lazy, Suspense, useEffect, useState } from "react";
import type { Args } from "../support/csf.js";
import { currentProviderName } from "../support/providerChoice.js";
import { ArgControls } from "./ArgControls.js";
import { LivePanel } from "./LivePanel.js";
import { Sidebar } from "./Sidebar.js";
import { StoryCanvas } from "./StoryCanvas.js";
import type { IndexedStory } from "./storyIndex.js";
import { usePreviewLocation } from "./usePreviewLocation.js";

const HostView = lazy(() => import("./host/HostView.js").then((m) => ({ default: m.HostView })));

function ProviderSwitch() {
  const provider = currentProviderName();
  return (
    <label className="provider-switch">
      Provider{" "}
      <select
        value={provider}
        onChange={(e) => {
          // Adapters are made when a story mounts: a reload applies the choice everywhere.
          const params = new URLSearchParams(window.location.search);
          if (e.currentTarget.value === "demo") params.delete("provider");
          else params.set("provider", e.currentTarget.value);
          window.location.search = params.toString();
        }}
      >
        <option value="demo">demo (in the browser)</option>
        <option value="firebase">Firebase Auth Emulator (127.0.0.1:9099)</option>
      </select>
    </label>
  );
}

function StoryView(props: { entry: IndexedStory }) {
  const { entry } = props;
  const initialArgs = { ...entry.meta.args, ...entry.story.args } as Args;
  const [args, setArgs] = useState<Args>(initialArgs);
  const [mountKey, setMountKey] = useState(0);
  return (
    <>
      <header className="story-header">
        <h1>
          {entry.title} / {entry.name}
        </h1>
        <button type="button" onClick={() => setMountKey((k) => k + 1)}>
          Remount
        </button>
      </header>
      <StoryCanvas key={mountKey} entry={entry} args={args} />
      <div className="panels">
        <section aria-labelledby="args-heading">
          <h2 id="args-heading">Args</h2>
          <ArgControls
            args={args}
            argTypes={{ ...entry.meta.argTypes, ...entry.story.argTypes }}
            onChange={(name, value) => setArgs((current) => ({ ...current, [name]: value }))}
          />
        </section>
        <section aria-labelledby="engine-heading">
          <h2 id="engine-heading">Engine ({currentProviderName()})</h2>
          <LivePanel />
        </section>
      </div>
    </>
  );
}

/** The preview shell: story list, the chosen story with its args and engine, or the host view. */
export function PreviewApp(props: { stories: IndexedStory[] }) {
  const [params, navigate] = usePreviewLocation();
  const hostView = params.get("view") === "host";
  const requested = params.get("story");
  const entry = props.stories.find((s) => s.id === requested) ?? props.stories[0] ?? null;
  useEffect(() => {
    document.title = hostView
      ? "Appsmith host · appsmith-auth-kit"
      : `${entry ? `${entry.title} / ${entry.name} · ` : ""}appsmith-auth-kit`;
  }, [entry, hostView]);
  if (params.get("embed") === "1" && entry) {
    // The story alone (screenshots, or opening one story in a frame of its own).
    return (
      <main className="embed">
        <StoryCanvas entry={entry} args={{ ...entry.meta.args, ...entry.story.args } as Args} />
      </main>
    );
  }
  return (
    <div className="preview">
      {/* Past the header and the story list: focus lands just before the story (its root
          takes focus), so the next Tab reaches its first control. */}
      <a href={hostView ? "#stage" : "#story-root"} className="skip-link">
        Skip to the story
      </a>
      <header className="preview-header">
        <span className="brand">appsmith-auth-kit preview</span>
        <ProviderSwitch />
      </header>
      <Sidebar
        stories={props.stories}
        currentId={entry?.id ?? null}
        hostView={hostView}
        onNavigate={navigate}
      />
      <main className="stage" id="stage" tabIndex={-1}>
        {hostView ? (
          <Suspense fallback={<p>Loading the host view…</p>}>
            <HostView />
          </Suspense>
        ) : entry ? (
          <StoryView key={entry.id} entry={entry} />
        ) : (
          <p>No stories found under stories/.</p>
        )}
      </main>
    </div>
  );
}
