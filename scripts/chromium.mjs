// How every browser check here launches Debian's Chromium (never a downloaded browser): the
// tests, the benches, the screenshots and the Storybook check share these.
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Chromium's own process layout: a sandboxed srcdoc frame gets a renderer of its own. */
export const CHROMIUM_DEFAULT_LAYOUT_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  // Without these Chromium keeps dialling Google's hosts, which this closed network refuses.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const CHROMIUM_FLAGS = [
  ...CHROMIUM_DEFAULT_LAYOUT_FLAGS,
  // Keeps sandboxed srcdoc frames in the page's process, where Playwright sees them reliably;
  // sandbox flags, the opaque origin and CORS behave the same. Users' Chromium isolates them
  // (bench/signin-overhead.mjs measures both layouts).
  "--disable-features=IsolateSandboxedIframes",
];
