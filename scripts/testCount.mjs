// The closing line of `npm test`: what each step's vitest JSON report says, with every
// failure counted, also those that have no failed test to show for them.

/**
 * Counts one vitest JSON report. A file that fails without a failed test (it did not load, or
 * a hook threw) counts as one failed, and so does a run that failed with nothing else to show
 * for it (an unhandled error).
 */
export function countReport(report) {
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    if (file.status === "failed" && failedTests.length === 0) counts.failed += 1;
  }
  if (report.success === false && counts.failed === 0) counts.failed = 1;
  return counts;
}

/**
 * Adds a step's counts to `totals`. `report` is its parsed JSON report, or undefined when it
 * wrote none; a step that exited non-zero with no failure counted (a crash, a typecheck or
 * build step) counts as one failed.
 */
export function addStep(totals, report, exitCode) {
  const counts = report ? countReport(report) : { passed: 0, failed: 0, skipped: 0 };
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  return totals;
}
