export declare function serveCdn(options?: {
  port?: number;
  host?: string;
  dir?: string;
}): Promise<{ url: string; close(): Promise<void> }>;
