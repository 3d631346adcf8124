export declare function canOpenBrowser(
  env?: Record<string, string | undefined>,
  platform?: string,
): boolean;
