import type { AuthAdapter } from "../core/adapter.js";
import type { Clock, FetchLike, Timers } from "../core/ports.js";
import { type DemoOptions, demo } from "./demo.js";
import { type FirebaseOptions, firebase } from "./firebase.js";
import { type OAuth2Options, oauth2 } from "./oauth2.js";
import { parseConfig } from "./parseConfig.js";
import { type RestConfig, rest } from "./rest.js";
import { type SupabaseOptions, supabase } from "./supabase.js";
import { isObject, object, oneOf, type Rule } from "./validate.js";
import { type XanoOptions, xano } from "./xano.js";

/** Injectable ports for {@link createAdapter}; they cannot travel in JSON. */
export interface AdapterPorts {
  fetch?: FetchLike;
  clock?: Clock;
  /** Used by the demo adapter's simulated latency. */
  timers?: Timers;
}

type JsonOnly<T> = Omit<T, "fetch" | "clock" | "timers">;

/** A plain-JSON adapter configuration, discriminated by `type`. */
export type AdapterConfig =
  | ({ type: "supabase" } & JsonOnly<SupabaseOptions>)
  | ({ type: "firebase" } & JsonOnly<FirebaseOptions>)
  | ({ type: "xano" } & JsonOnly<XanoOptions>)
  | ({ type: "oauth2" } & JsonOnly<OAuth2Options>)
  | ({ type: "rest" } & RestConfig & { timeoutMs?: number })
  | ({ type: "demo" } & JsonOnly<DemoOptions>);

const TYPES = ["supabase", "firebase", "oauth2", "xano", "rest", "demo"] as const;
// Only the tag is checked here: each factory checks the rest with its own rule, so both entry
// points accept and reject the same configs with the same words.
const typeRule = oneOf(TYPES);
const configRule: Rule<unknown> = (value, path, issues) =>
  isObject(value) ? typeRule(value.type, ["type"], issues) : object({})(value, path, issues);

function withPorts<T extends object>(options: T, ports: AdapterPorts) {
  return {
    ...options,
    ...(ports.fetch ? { fetch: ports.fetch } : {}),
    ...(ports.clock ? { clock: ports.clock } : {}),
  };
}

/**
 * Builds an adapter from a plain-JSON config such as `{ "type": "supabase", "url": …,
 * "anonKey": … }`; throws an `invalid_config` AuthError naming each problem.
 */
export function createAdapter(config: AdapterConfig, ports: AdapterPorts = {}): AuthAdapter {
  parseConfig(configRule, config, "adapter");
  // Ports come from `ports` only: a config is JSON, and a "fetch" string in it is no function.
  const {
    type: _type,
    fetch: _f,
    clock: _c,
    timers: _t,
    ...options
  } = config as AdapterConfig & Record<string, unknown>;
  switch (config.type) {
    case "supabase":
      return supabase(withPorts(options as JsonOnly<SupabaseOptions>, ports));
    case "firebase":
      return firebase(withPorts(options as JsonOnly<FirebaseOptions>, ports));
    case "oauth2":
      return oauth2(withPorts(options as JsonOnly<OAuth2Options>, ports));
    case "xano":
      return xano(withPorts(options as JsonOnly<XanoOptions>, ports));
    case "rest":
      return rest(withPorts(options as RestConfig, ports));
    case "demo":
      return demo({
        ...(options as JsonOnly<DemoOptions>),
        ...(ports.clock ? { clock: ports.clock } : {}),
        ...(ports.timers ? { timers: ports.timers } : {}),
      });
  }
}
