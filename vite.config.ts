import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server behind `npm start`: the local preview (index.html + stories/).
// Library and CDN builds are configured in scripts/build.mjs.
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
