// The four measured flows of bench/signin-overhead.mjs, each on both sides (the kit's widget
// and the plain baseline buttons in the same frame), against a page holding the fake Appsmith
// host with one widget. A run starts where flow-probe.js stamps it (the click's first handler,
// or the refresh timer firing) and ends when the host page's message listener receives the
// event; both stamps are performance.timeOrigin + performance.now() of their own document.

const EVENT_TIMEOUT_MS = 15_000;
// After each run: the kit re-renders, Appsmith echoes the model and the frame reports its
// height, all after the event; the next run starts once that is done.
const SETTLE_MS = 40;

/** Installs the host page's listener: every event the widget triggers, with its arrival. */
export function listenForEvents(page) {
  return page.evaluate(() => {
    window.aakHostEvents = [];
    const iframe = () => document.querySelector('iframe[title="Custom1"]');
    window.addEventListener("message", (event) => {
      const data = event.data;
      if (event.source !== iframe()?.contentWindow) return;
      if (data?.type !== "CUSTOM_WIDGET_TRIGGER_EVENT") return;
      const at = performance.timeOrigin + performance.now();
      window.aakHostEvents.push({ name: data.data?.eventName, at });
    });
  });
}

/**
 * The frame's clock against the host page's (frame − host, ms), from the ping with the
 * shortest round trip; zero within a microsecond when both share a process.
 */
export function clockOffset(page) {
  return page.evaluate(async () => {
    const target = document.querySelector('iframe[title="Custom1"]').contentWindow;
    const now = () => performance.timeOrigin + performance.now();
    let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
    for (let ping = 0; ping < 30; ping += 1) {
      const sent = now();
      const frameAt = await new Promise((resolve) => {
        const onPong = (event) => {
          if (event.data?.aakPong !== ping) return;
          window.removeEventListener("message", onPong);
          resolve(event.data.at);
        };
        window.addEventListener("message", onPong);
        target.postMessage({ aakPing: ping }, "*");
      });
      const back = now();
      if (back - sent < best.rtt) best = { rtt: back - sent, offset: frameAt - (sent + back) / 2 };
    }
    return best;
  });
}

/** The drivers of one widget: `frame` is its Playwright Frame, `widget` its FrameLocator. */
export function createFlows({ page, frame, widget, urls, password, newEmail }) {
  const kitButton = (name) => widget.getByRole("button", { name, exact: true });
  const fillKit = async (email) => {
    await widget.getByLabel("Email", { exact: true }).fill(email);
    await widget.getByLabel("Password", { exact: true }).fill(password);
  };
  const fillBaseline = async (email) => {
    await frame.fill("#bl-email", email);
    await frame.fill("#bl-password", password);
  };
  // One unmeasured request to the same URL with the same headers just before each run: both
  // sides then find the connection open and the CORS preflight cached (Chromium keeps a
  // preflight 5 s without Access-Control-Max-Age; the emulator closes idle sockets after 5 s).
  const warm = (url, contentType) =>
    frame.evaluate(
      async ([url, contentType]) => {
        const headers = { accept: "application/json", "content-type": contentType };
        await (await fetch(url, { method: "POST", headers, body: "{}" })).text();
      },
      [url, contentType],
    );
  const warmJson = (url) => warm(url, "application/json");
  const warmForm = () => warm(urls.refresh, "application/x-www-form-urlencoded");

  const eventCount = () => page.evaluate(() => window.aakHostEvents.length);
  /** Waits for the first `event` after the `seen` first ones; its arrival time. */
  async function arrival(seen, event) {
    const arrived = await page.waitForFunction(
      ([seen, event]) => window.aakHostEvents.slice(seen).find((e) => e.name === event)?.at,
      [seen, event],
      { polling: 5, timeout: EVENT_TIMEOUT_MS },
    );
    return arrived.jsonValue();
  }

  /**
   * Runs `act` and times it from the start stamped `start` to the event `event`. With `url`,
   * also where that time went: before the request (the fetch call, from the frame's resource
   * timing entry, which Chromium records anyway), the request itself until the last byte of
   * the reply, and after it (reading the reply, the widget's work, the message queue).
   */
  async function measure(start, event, act, url) {
    const seen = await eventCount();
    const stamped = await frame.evaluate(() => window.aakBench.starts.length);
    await act();
    const end = await arrival(seen, event);
    const { began, request } = await frame.evaluate(
      ([stamped, start, url]) => {
        const began = window.aakBench.starts.slice(stamped).find((s) => s.what === start)?.at;
        const entry = performance
          .getEntriesByName(url ?? "", "resource")
          .find((e) => performance.timeOrigin + e.startTime >= began);
        const at = (t) => performance.timeOrigin + t;
        return { began, request: entry && [at(entry.startTime), at(entry.responseEnd)] };
      },
      [stamped, start, url],
    );
    if (began === undefined) throw new Error(`no start stamp "${start}" before ${event}`);
    if (url && !request) throw new Error(`no request to ${url} after "${start}"`);
    await page.waitForTimeout(SETTLE_MS);
    // The other side's widget or timer must not have sent one too (it would be timed instead).
    const count = await page.evaluate(
      ([seen, event]) => window.aakHostEvents.slice(seen).filter((e) => e.name === event).length,
      [seen, event],
    );
    if (count !== 1) throw new Error(`${count} ${event} events after "${start}", expected 1`);
    const total = end - began;
    if (!request) return { total };
    return {
      total,
      before: request[0] - began,
      request: request[1] - request[0],
      after: end - request[1],
    };
  }

  /** An unmeasured step that puts a side back where the next flow starts. */
  async function untimed(event, act) {
    const seen = await eventCount();
    await act();
    await arrival(seen, event);
    await page.waitForTimeout(SETTLE_MS);
  }

  return {
    signin: {
      kit: async (email) => {
        await fillKit(email);
        await warmJson(urls.signIn);
        return measure("Sign in", "onLogin", () => kitButton("Sign in").click(), urls.signIn);
      },
      baseline: async (email) => {
        await fillBaseline(email);
        await warmJson(urls.signIn);
        return measure("bl-signin", "onLogin", () => frame.click("#bl-signin"), urls.signIn);
      },
    },
    refresh: {
      kit: async () => {
        await warmForm();
        const fire = () => frame.evaluate(() => window.aakBench.fastForward(false));
        return measure("timer:kit", "onTokenRefresh", fire, urls.refresh);
      },
      baseline: async () => {
        await warmForm();
        const fire = () => frame.evaluate(() => window.aakBench.fastForward(true));
        return measure("timer:baseline", "onTokenRefresh", fire, urls.refresh);
      },
    },
    signout: {
      kit: () => measure("Sign out", "onLogout", () => kitButton("Sign out").click()),
      baseline: () => measure("bl-signout", "onLogout", () => frame.click("#bl-signout")),
    },
    signup: {
      kit: async () => {
        await widget.getByRole("button", { name: /Create one/ }).click();
        await fillKit(newEmail("kit"));
        await warmJson(urls.signUp);
        const click = () => kitButton("Create account").click();
        const took = await measure("Create account", "onSignup", click, urls.signUp);
        // Back to the sign-in form (the auto view returns there after a sign-out).
        await untimed("onLogout", () => kitButton("Sign out").click());
        await kitButton("Sign in").waitFor();
        return took;
      },
      baseline: async () => {
        await fillBaseline(newEmail("baseline"));
        await warmJson(urls.signUp);
        const click = () => frame.click("#bl-signup");
        const took = await measure("bl-signup", "onSignup", click, urls.signUp);
        await untimed("onLogout", () => frame.click("#bl-signout"));
        return took;
      },
    },
  };
}
