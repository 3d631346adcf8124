// The closing line of `npm test` (scripts/test.mjs): a run that fails must never read
// "0 failed". Reports below have the shape vitest 4's JSON reporter writes.
import { addStep, countReport } from "../../../scripts/testCount.mjs";

const passedFile = {
  name: "/repo/test/unit/a.test.ts",
  status: "passed",
  message: "",
  assertionResults: [{ status: "passed" }, { status: "passed" }],
};

function report(testResults: unknown[], extra: Record<string, unknown> = {}) {
  const tests = testResults.flatMap(
    (file) => (file as { assertionResults: { status: string }[] }).assertionResults,
  );
  const count = (status: string) => tests.filter((test) => test.status === status).length;
  return {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("skipped"),
    numTodoTests: count("todo"),
    success: testResults.every((file) => (file as { status: string }).status === "passed"),
    testResults,
    ...extra,
  };
}

describe("npm test's counting", () => {
  it("counts passed, failed and skipped tests", () => {
    const mixed = {
      name: "/repo/test/unit/b.test.ts",
      status: "failed",
      message: "",
      assertionResults: [{ status: "passed" }, { status: "failed" }, { status: "skipped" }],
    };
    expect(countReport(report([passedFile, mixed]))).toEqual({ passed: 3, failed: 1, skipped: 1 });
  });

  it("counts a file that fails to load (no tests in it) as one failed", () => {
    const broken = {
      name: "/repo/test/unit/broken.test.ts",
      status: "failed",
      message: "Cannot find module './missing.js' imported from /repo/test/unit/broken.test.ts",
      assertionResults: [],
    };
    expect(countReport(report([passedFile, broken]))).toEqual({ passed: 2, failed: 1, skipped: 0 });
  });

  it("counts a file whose tests passed but whose hook failed", () => {
    const hook = { ...passedFile, status: "failed", message: "afterAll: server did not stop" };
    expect(countReport(report([hook])).failed).toBe(1);
  });

  it("counts a run that failed with every file passing (an unhandled error)", () => {
    expect(countReport(report([passedFile], { success: false })).failed).toBe(1);
  });

  it("counts a step that failed without a report, or with one that shows no failure", () => {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    addStep(totals, undefined, 0);
    expect(totals.failed).toBe(0);
    addStep(totals, undefined, 2); // typecheck, lint, build, or vitest crashing before its report
    expect(totals.failed).toBe(1);
    addStep(totals, report([passedFile]), 1);
    expect(totals).toEqual({ passed: 2, failed: 2, skipped: 0 });
  });

  it("adds nothing extra for a failing step whose failures are already counted", () => {
    const failing = { ...passedFile, status: "failed", assertionResults: [{ status: "failed" }] };
    expect(addStep({ passed: 0, failed: 0, skipped: 0 }, report([failing]), 1).failed).toBe(1);
  });
});
