import { defineConfig } from "vitest/config";

// Integration tests: the adapters against real auth servers (Firebase Auth Emulator and
// oidc-provider), started once by the global setup. One file at a time: they share servers.
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/integration/**/*.test.ts"],
    globalSetup: ["test/integration/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    restoreMocks: true,
  },
});
