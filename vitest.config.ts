import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Unit tests: fast, no servers, no browser. Integration and browser suites have their own
// configs (test/integration, test/browser) and are run by scripts/test.mjs.
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    environment: "jsdom",
    include: ["test/unit/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    restoreMocks: true,
  },
});
