import { isSession, parseStoredSession } from "./storage.js";
import type { Session, SignedOutReason } from "./types.js";

/** What one tab tells the others. */
export type CrossTabMessage =
  | { kind: "session"; session: Session; refreshed: boolean }
  | { kind: "signed_out"; reason: SignedOutReason };

/** What a tab does with news from another tab. */
export interface CrossTabHandlers {
  onSession(session: Session, refreshed: boolean): void;
  onSignedOut(reason: SignedOutReason): void;
}

/** An open link to the other tabs; `post` never throws. */
export interface CrossTabLink {
  post(message: CrossTabMessage): void;
  close(): void;
}

const SOURCE = "appsmith-auth-kit";
const REASONS: readonly string[] = ["user", "expired", "revoked"];

function readMessage(data: unknown): CrossTabMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.source !== SOURCE) return undefined;
  if (message.kind === "session" && isSession(message.session)) {
    return { kind: "session", session: message.session, refreshed: message.refreshed === true };
  }
  if (message.kind === "signed_out" && typeof message.reason === "string") {
    if (REASONS.includes(message.reason)) {
      return { kind: "signed_out", reason: message.reason as SignedOutReason };
    }
  }
  return undefined;
}

function openChannel(name: string): BroadcastChannel | undefined {
  try {
    // Missing in old browsers; throws SecurityError in an opaque-origin (sandboxed) frame.
    if (typeof globalThis.BroadcastChannel !== "function") return undefined;
    return new globalThis.BroadcastChannel(name);
  } catch {
    return undefined;
  }
}

/**
 * Links this tab to the others sharing `area` under `storageKey`: over a BroadcastChannel
 * when one opens, and through the window `storage` event as a fallback.
 */
export function connectCrossTab(
  storageKey: string,
  area: Storage,
  handlers: CrossTabHandlers,
): CrossTabLink {
  const channel = openChannel(`${SOURCE}:${storageKey}`);
  const onChannelMessage = (event: MessageEvent) => {
    const message = readMessage(event.data);
    if (message?.kind === "session") handlers.onSession(message.session, message.refreshed);
    else if (message?.kind === "signed_out") handlers.onSignedOut(message.reason);
  };
  channel?.addEventListener("message", onChannelMessage);

  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey || (event.storageArea && event.storageArea !== area)) return;
    if (event.newValue === null) return handlers.onSignedOut("user");
    const session = parseStoredSession(event.newValue);
    if (session) handlers.onSession(session, true);
  };
  const target = typeof window === "undefined" ? undefined : window;
  target?.addEventListener("storage", onStorage);

  return {
    post(message) {
      try {
        channel?.postMessage({ source: SOURCE, ...message });
      } catch {
        // A closed channel or an uncloneable user field: the storage event still carries it.
      }
    },
    close() {
      channel?.removeEventListener("message", onChannelMessage);
      channel?.close();
      target?.removeEventListener("storage", onStorage);
    },
  };
}
