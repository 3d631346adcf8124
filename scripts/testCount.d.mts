export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export declare function countReport(report: unknown): TestCounts;
export declare function addStep(
  totals: TestCounts,
  report: unknown,
  exitCode: number | null,
): TestCounts;
