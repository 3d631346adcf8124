// Whether this machine can show a browser window: `npm start` opens the preview only then,
// and otherwise just prints its URL (a server, a container, CI or an SSH session has no
// display, and `vite --open` there fails or starts a text browser).
// BROWSER=none (Vite's own switch) also keeps it closed.

/** True when a desktop session is present: macOS or Windows, or DISPLAY / WAYLAND_DISPLAY set. */
export function canOpenBrowser(env = process.env, platform = process.platform) {
  if (env.BROWSER === "none" || env.CI) return false;
  if (platform === "darwin" || platform === "win32") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
