import type { StorybookConfig } from "@storybook/react-vite";

// The project's stories as they are: no addons, no preview.ts, nothing adapted for Storybook.
const config: StorybookConfig = {
  stories: ["../../../stories/*.stories.tsx"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
