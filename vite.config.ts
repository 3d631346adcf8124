import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { widgetBuildPlugin } from "./stories/preview/widgetBuildPlugin.js";

// The dev server behind `npm start`: the local preview (index.html + stories/), plus the
// built widget under /widget-build/ for its Appsmith host view.
// Library and CDN builds are configured in scripts/build.mjs.
export default defineConfig({
  plugins: [react(), widgetBuildPlugin()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
