import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import fc from "fast-check";
import { afterEach } from "vitest";

// Property tests run on a fixed seed so CI is repeatable; `FC_SEED=random` explores new
// inputs (and prints the seed of any failure), `FC_SEED=<n>` replays one.
const seed = process.env.FC_SEED ?? "20261127";
if (seed !== "random") fc.configureGlobal({ seed: Number(seed) });

afterEach(() => {
  cleanup();
});
