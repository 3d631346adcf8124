import type { Meta, StoryObj } from "./support/csf.js";
import { clickButton, fill, findText, waitFor } from "./support/interact.js";
import { DEMO_USER } from "./support/storyEngine.js";
import { withTheme } from "./support/themes.js";
import { WidgetHarness, type WidgetHarnessProps } from "./support/WidgetHarness.js";

// The Appsmith widget as `mount()` renders it, with the app's theme as args. The built
// file inside a real sandboxed iframe is in the preview's "Appsmith host" view.
const meta = {
  title: "Widget/Appsmith widget",
  component: WidgetHarness,
  args: {
    view: "auto",
    primaryColor: "#553de9",
    backgroundColor: "#ffffff",
    borderRadius: "6px",
    boxShadow: "0 1px 4px rgba(0,0,0,0.2)",
  },
  argTypes: {
    view: { control: "select", options: ["auto", "login", "signup", "logout"] },
    primaryColor: { control: "text", description: "appsmith.theme.primaryColor" },
    backgroundColor: { control: "text", description: "appsmith.theme.backgroundColor" },
    borderRadius: { control: "text", description: "appsmith.theme.borderRadius" },
    boxShadow: { control: "text", description: "appsmith.theme.boxShadow" },
    provider: { control: false },
  },
  decorators: [withTheme],
} satisfies Meta<WidgetHarnessProps>;

export default meta;
type Story = StoryObj<WidgetHarnessProps>;

const signIn: Story["play"] = async ({ canvasElement }) => {
  await fill(canvasElement, DEMO_USER);
  await clickButton(canvasElement, /^sign in$/i);
  await findText(canvasElement, /signed in as demo@example\.com/i);
};

export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector("form"), "the form");
  },
};

export const SignUpView: Story = {
  args: { view: "signup" },
  play: async ({ canvasElement }) => {
    await findText(canvasElement, /^create account$/i);
  },
};

export const SignedIn: Story = {
  name: "Signed in (watch the refresh)",
  play: signIn,
};

export const InvalidConfig: Story = {
  name: "Invalid Default Model",
  args: { provider: { type: "supabase", url: "not a url" } },
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector("[role=alert]"), "the configuration error");
  },
};

export const Dark: Story = {
  args: { primaryColor: "#93c5fd", backgroundColor: "#1f2937", boxShadow: "none" },
  parameters: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector("form"), "the form");
  },
};

export const Narrow240: Story = {
  name: "Narrow (240 px)",
  parameters: { width: 240 },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { email: DEMO_USER.email, password: "wrongpass" });
    await clickButton(canvasElement, /^sign in$/i);
    await findText(canvasElement, /email or password is incorrect/i);
  },
};

export const Narrow240SignedIn: Story = {
  name: "Narrow (240 px), signed in",
  parameters: { width: 240 },
  play: signIn,
};
