/// <reference types="vite/client" />
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp.js";
import { indexStories } from "./storyIndex.js";
import "./preview.css";

// Every CSF file under stories/, found at build time; the raw sources give export order.
const modules = import.meta.glob<Record<string, unknown>>("../**/*.stories.tsx", { eager: true });
const sources = import.meta.glob<string>("../**/*.stories.tsx", {
  eager: true,
  query: "?raw",
  import: "default",
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <PreviewApp stories={indexStories(modules, sources)} />
  </StrictMode>,
);
