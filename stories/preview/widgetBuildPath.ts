/** Where the preview's dev server serves the built widget files (dist/cdn) from. */
export const WIDGET_BUILD_PATH = "/widget-build/";
