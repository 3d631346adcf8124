export declare const REQUIRED: readonly string[];
export declare function exportTargets(manifest: Record<string, unknown>): Set<string>;
export declare function contentProblems(
  files: readonly string[],
  manifest: Record<string, unknown>,
): string[];
