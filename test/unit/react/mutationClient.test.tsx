import { useMutation } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { createMutationClient } from "../../../src/react/mutationClient.js";

function Runner({
  fn,
  client,
}: {
  fn: (n: number) => Promise<number>;
  client: ReturnType<typeof createMutationClient>;
}) {
  const run = useMutation({ mutationFn: fn, networkMode: "always" }, client);
  return (
    <>
      <button type="button" onClick={() => run.mutate(2)}>
        Run
      </button>
      <p>{run.isPending ? "pending" : run.isError ? "error" : String(run.data ?? "idle")}</p>
    </>
  );
}

describe("createMutationClient", () => {
  it("runs a mutation through useMutation: pending, then its data; the cache keeps it", async () => {
    const user = userEvent.setup();
    const client = createMutationClient();
    let resolve: (n: number) => void = () => {};
    const fn = vi.fn((n: number) => new Promise<number>((r) => (resolve = (m) => r(n * m))));
    render(
      <StrictMode>
        <Runner fn={fn} client={client} />
      </StrictMode>,
    );
    expect(screen.getByText("idle")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(await screen.findByText("pending")).toBeInTheDocument();
    resolve(21);
    expect(await screen.findByText("42")).toBeInTheDocument();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(client.getMutationCache().getAll()).toHaveLength(1);
  });

  it("drops a finished mutation (and the session it holds) once its form unmounts, no 5-minute timer", async () => {
    const user = userEvent.setup();
    const client = createMutationClient();
    const view = render(<Runner fn={async (n) => n * 21} client={client} />);
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(await screen.findByText("42")).toBeInTheDocument();
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.getMutationCache().getAll()).toHaveLength(0);
  });

  it("reports a rejected mutation as an error without retrying it", async () => {
    const user = userEvent.setup();
    const fn = vi.fn(() => Promise.reject(new Error("no")));
    render(<Runner fn={fn} client={createMutationClient()} />);
    await user.click(screen.getByRole("button", { name: "Run" }));
    await waitFor(() => expect(screen.getByText("error")).toBeInTheDocument());
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("puts gcTime 0 under the caller's options; merging again changes nothing, so no private flag", () => {
    const client = createMutationClient();
    const first = client.defaultMutationOptions({ networkMode: "always" });
    expect(first).toEqual({ gcTime: 0, networkMode: "always" });
    expect(client.defaultMutationOptions(first)).toEqual(first);
    expect(client.defaultMutationOptions({ gcTime: 5 })).toEqual({ gcTime: 5 });
    expect(first).not.toHaveProperty("_defaulted");
  });
});
