/** An in-process BroadcastChannel: delivers to the other instances of the same name. */
export class FakeBroadcastChannel extends EventTarget {
  static instances: FakeBroadcastChannel[] = [];
  readonly name: string;
  closed = false;

  constructor(name: string) {
    super();
    this.name = name;
    FakeBroadcastChannel.instances.push(this);
  }

  postMessage(data: unknown): void {
    if (this.closed) throw new DOMException("closed", "InvalidStateError");
    const copy = structuredClone(data);
    for (const other of FakeBroadcastChannel.instances) {
      if (other === this || other.closed || other.name !== this.name) continue;
      void Promise.resolve().then(() =>
        other.dispatchEvent(new MessageEvent("message", { data: copy })),
      );
    }
  }

  close(): void {
    this.closed = true;
  }

  static open(): FakeBroadcastChannel[] {
    return FakeBroadcastChannel.instances.filter((channel) => !channel.closed);
  }
}
