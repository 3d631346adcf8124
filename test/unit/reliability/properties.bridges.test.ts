// @vitest-environment node
// Properties of the host bridges over thousands of generated inputs: message handling never
// throws, never takes a message from the wrong window or origin, and sends only plain JSON.
import fc from "fast-check";
import { vi } from "vitest";
import { createAppsmithBridge } from "../../../src/bridge/appsmithBridge.js";
import { createPostMessageBridge, MESSAGE_SOURCE } from "../../../src/bridge/postMessageBridge.js";
import { guardConsoleAndRejections } from "./guards.js";

guardConsoleAndRejections();

const RUNS = 2000;
// 2,000 runs take about 3 s on an idle core; a busy 2-core CI machine can need twice that.
vi.setConfig({ testTimeout: 30_000 });
const TARGET = "https://app.example.com";
const anything = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  withObjectString: true,
});
const kitMessage = fc.record({
  source: fc.oneof(fc.constant(MESSAGE_SOURCE), fc.string()),
  type: fc.constantFrom("config", "model", "theme", "event", "ready", "__proto__"),
  payload: fc.oneof(
    anything,
    fc.dictionary(fc.constantFrom("__proto__", "a", "constructor"), anything),
  ),
});

function accepted(data: unknown): boolean {
  const plain = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  return (
    plain(data) &&
    data.source === MESSAGE_SOURCE &&
    ["config", "model", "theme"].includes(data.type as string) &&
    plain(data.payload)
  );
}

describe("postMessage bridge", () => {
  it("never throws, and takes only well-shaped messages from the parent at the target origin", () => {
    const parent = { postMessage: () => {} };
    const other = { postMessage: () => {} };
    const event = fc.record({
      source: fc.constantFrom(parent, other, null, undefined),
      origin: fc.oneof(
        fc.constantFrom(
          TARGET,
          "null",
          "https://app.example.com.evil.test",
          "http://app.example.com",
          "",
        ),
        fc.string(),
      ),
      data: fc.oneof(kitMessage, anything),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), (events) => {
        let handler: ((e: MessageEvent) => void) | undefined;
        const win = {
          parent,
          addEventListener: (_: string, fn: (e: MessageEvent) => void) => {
            handler = fn;
          },
          removeEventListener: () => {},
        } as unknown as Window;
        const bridge = createPostMessageBridge({ targetOrigin: TARGET, window: win });
        const heard: unknown[] = [];
        bridge.onModelChange((model) => heard.push(model));
        bridge.onThemeChange((theme) => heard.push(theme));
        const before = Object.getOwnPropertyNames(Object.prototype).length;
        let expected = 2;
        for (const e of events) {
          handler?.(e as unknown as MessageEvent);
          if (e.source === parent && e.origin === TARGET && accepted(e.data)) expected += 1;
        }
        expect(heard).toHaveLength(expected);
        // What it kept is plain JSON, and nothing reached Object.prototype.
        expect(JSON.parse(JSON.stringify(bridge.getModel()))).toEqual(bridge.getModel());
        expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(before);
      }),
      { numRuns: RUNS },
    );
  });
});

class Widgetish {
  constructor(readonly value: unknown) {}
  method() {
    return this.value;
  }
}
// Payloads postMessage cannot clone: functions, class instances with methods, cycles.
const hostilePayload = fc.tuple(anything, fc.boolean()).map(([value, cyclic]) => {
  const payload: Record<string, unknown> = { value, fn: () => 1, instance: new Widgetish(value) };
  if (cyclic) payload.self = payload;
  return payload;
});

describe("Appsmith bridge", () => {
  it("never throws whatever the global holds, and always hands listeners an object", () => {
    const host = fc.record({
      model: anything,
      theme: anything,
      changes: fc.array(anything, { maxLength: 4 }),
      remover: fc.oneof(
        fc.constant(() => {}),
        anything,
      ),
    });
    fc.assert(
      fc.property(fc.oneof(host, anything), (shape) => {
        const fake = shape as {
          model: unknown;
          theme: unknown;
          changes: unknown[];
          remover: unknown;
        };
        const global =
          typeof shape === "object" && shape !== null && "changes" in shape
            ? {
                model: fake.model,
                theme: fake.theme,
                onReady: (fn: () => void) => fn(),
                onModelChange: (fn: (m: unknown) => void) => {
                  for (const change of fake.changes) fn(change);
                  return fake.remover;
                },
                updateModel: () => {},
                triggerEvent: () => {},
              }
            : shape;
        const bridge = createAppsmithBridge({ getGlobal: () => global });
        const models: unknown[] = [bridge.getModel()];
        const remove = bridge.onModelChange((model) => models.push(model));
        remove();
        bridge.onThemeChange(() => {})();
        for (const model of models) {
          expect(typeof model === "object" && model !== null && !Array.isArray(model)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("hands the host only plain JSON, so its message queue can never stall", () => {
    fc.assert(
      fc.property(hostilePayload, fc.string(), (payload, name) => {
        const sent: unknown[] = [];
        const bridge = createAppsmithBridge({
          getGlobal: () => ({
            onReady: () => {},
            onModelChange: () => () => {},
            updateModel: (partial: unknown) => sent.push(partial),
            triggerEvent: (_: string, context: unknown) => sent.push(context),
          }),
        });
        bridge.updateModel(payload);
        bridge.triggerEvent(name, payload);
        expect(sent).toHaveLength(2);
        for (const value of sent) {
          expect(() => structuredClone(value)).not.toThrow();
          expect(JSON.parse(JSON.stringify(value))).toEqual(value);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
