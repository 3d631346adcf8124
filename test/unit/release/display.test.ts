// @vitest-environment node
import { canOpenBrowser } from "../../../scripts/display.mjs";

describe("npm start opens a browser only where there is a display", () => {
  it.each([
    [{}, "linux", false],
    [{ DISPLAY: ":0" }, "linux", true],
    [{ WAYLAND_DISPLAY: "wayland-0" }, "linux", true],
    [{ DISPLAY: ":0", CI: "true" }, "linux", false],
    [{ DISPLAY: ":0", BROWSER: "none" }, "linux", false],
    [{}, "darwin", true],
    [{}, "win32", true],
  ] as const)("%o on %s → %s", (env, platform, expected) => {
    expect(canOpenBrowser(env, platform)).toBe(expected);
  });
});
