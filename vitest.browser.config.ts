import { defineConfig } from "vitest/config";

// Browser end-to-end tests: the BUILT CDN file in headless Debian Chromium (playwright-core),
// inside a fake Appsmith host, against the Firebase Auth Emulator. Run after the build.
export default defineConfig({
  test: {
    globals: true,
    environment: "node",
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/globalSetup.ts"],
    // One browser shared by the tests of a file; files run one at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
