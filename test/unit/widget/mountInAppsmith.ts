import { act } from "@testing-library/react";
import { mount } from "../../../src/widget/mount.js";
import { createFakeAppsmith } from "./fakeAppsmith.js";

/** Mounts the widget in a fresh element under a fake Appsmith host with this model. */
export function mountInAppsmith(model: Record<string, unknown>, theme?: Record<string, string>) {
  const host = createFakeAppsmith({ model, ...(theme ? { theme } : {}) });
  const uninstall = host.install();
  const element = document.createElement("div");
  document.body.appendChild(element);
  let unmount: () => void = () => {};
  act(() => {
    unmount = mount(element);
  });
  return {
    host,
    element,
    cleanup() {
      act(() => unmount());
      element.remove();
      uninstall();
    },
    unmount: () => act(() => unmount()),
  };
}
