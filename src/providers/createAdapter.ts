import type { AuthAdapter } from "../core/adapter.js";
import type { Clock, FetchLike, Timers } from "../core/ports.js";
import { type DemoOptions, demo } from "./demo.js";
import { type FirebaseOptions, firebase } from "./firebase.js";
import { type OAuth2Options, oauth2 } from "./oauth2.js";
import { parseConfig } from "./parseConfig.js";
import { type RestConfig, rest } from "./rest.js";
import { type SupabaseOptions, supabase } from "./supabase.js";
import {
  array,
  nonEmpty,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  tagged,
  url,
} from "./validate.js";
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

const maybeText = optional(nonEmpty);
const timeoutMs = optional(number({ above: 0 }));

// Each provider's own options are checked again by its factory; this check catches typos
// and wrong types up front with one readable message.
const configRule = tagged("type", {
  supabase: object({
    type: string(),
    url,
    anonKey: nonEmpty,
    signOutScope: optional(oneOf(["local", "global", "others"])),
    timeoutMs,
  }),
  firebase: object({ type: string(), apiKey: nonEmpty, emulatorHost: maybeText, timeoutMs }),
  oauth2: object({
    type: string(),
    tokenUrl: url,
    clientId: nonEmpty,
    clientSecret: maybeText,
    scope: maybeText,
    audience: maybeText,
    revokeUrl: optional(url),
    signUpUrl: optional(url),
    connection: maybeText,
    timeoutMs,
  }),
  xano: object({
    type: string(),
    baseUrl: url,
    paths: optional(object({ signUp: maybeText, signIn: maybeText, me: maybeText })),
    tokenTtlSeconds: optional(number({ above: 0 })),
    extraSignUpFields: optional(record((value) => value)),
    timeoutMs,
  }),
  // The REST adapter validates its larger config itself.
  rest: object({ type: string() }, "loose"),
  demo: object({
    type: string(),
    accessTokenTtlSeconds: optional(number({ above: 0 })),
    latencyMs: optional(number({ min: 0 })),
    users: optional(array(object({ email: nonEmpty, password: nonEmpty }, "loose"))),
    storage: optional(oneOf(["local", "session", "memory"])),
  }),
});

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
  const { type: _type, ...options } = config as AdapterConfig & Record<string, unknown>;
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
