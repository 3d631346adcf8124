import * as z from "zod/mini";
import type { AuthAdapter } from "../core/adapter.js";
import type { Clock, FetchLike, Timers } from "../core/ports.js";
import { type DemoOptions, demo } from "./demo.js";
import { type FirebaseOptions, firebase } from "./firebase.js";
import { type OAuth2Options, oauth2 } from "./oauth2.js";
import { parseConfig } from "./parseConfig.js";
import { type RestConfig, rest } from "./rest.js";
import { type SupabaseOptions, supabase } from "./supabase.js";
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

const nonEmpty = () => z.string().check(z.minLength(1));
const timeoutMs = z.optional(z.number().check(z.positive()));

// Each provider's own options are checked again by its factory; this schema catches typos
// and wrong types up front with one readable message.
const configSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("supabase"),
    url: z.url(),
    anonKey: nonEmpty(),
    signOutScope: z.optional(z.enum(["local", "global", "others"])),
    timeoutMs,
  }),
  z.strictObject({
    type: z.literal("firebase"),
    apiKey: nonEmpty(),
    emulatorHost: z.optional(nonEmpty()),
    timeoutMs,
  }),
  z.strictObject({
    type: z.literal("oauth2"),
    tokenUrl: z.url(),
    clientId: nonEmpty(),
    clientSecret: z.optional(nonEmpty()),
    scope: z.optional(nonEmpty()),
    audience: z.optional(nonEmpty()),
    revokeUrl: z.optional(z.url()),
    signUpUrl: z.optional(z.url()),
    connection: z.optional(nonEmpty()),
    timeoutMs,
  }),
  z.strictObject({
    type: z.literal("xano"),
    baseUrl: z.url(),
    paths: z.optional(
      z.strictObject({
        signUp: z.optional(nonEmpty()),
        signIn: z.optional(nonEmpty()),
        me: z.optional(nonEmpty()),
      }),
    ),
    tokenTtlSeconds: z.optional(z.number().check(z.positive())),
    extraSignUpFields: z.optional(z.record(z.string(), z.unknown())),
    timeoutMs,
  }),
  // The REST adapter validates its larger config itself.
  z.looseObject({ type: z.literal("rest") }),
  z.strictObject({
    type: z.literal("demo"),
    accessTokenTtlSeconds: z.optional(z.number().check(z.positive())),
    latencyMs: z.optional(z.number().check(z.nonnegative())),
    users: z.optional(z.array(z.looseObject({ email: nonEmpty(), password: nonEmpty() }))),
  }),
]);

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
  const parsed = parseConfig(configSchema, config, "adapter");
  const { type: _type, ...options } = config as AdapterConfig & Record<string, unknown>;
  switch (parsed.type) {
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
