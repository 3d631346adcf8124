export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_DEFAULT_LAYOUT_FLAGS: string[];
export declare const CHROMIUM_FLAGS: string[];
