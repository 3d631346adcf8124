import { LogoutButton, type LogoutButtonProps } from "../src/react/index.js";
import type { Meta, StoryObj } from "./support/csf.js";
import { clickButton, findButton, findText } from "./support/interact.js";
import { SessionSummary } from "./support/SessionSummary.js";
import { withTheme } from "./support/themes.js";
import { withAuth } from "./support/withAuth.js";

// The button with the one line an app would show beside it, so each state is visible.
const meta = {
  title: "Components/LogoutButton",
  component: LogoutButton,
  args: { unstyled: false, className: "" },
  argTypes: { unstyled: { control: "boolean", description: "Skip the default styles" } },
  parameters: { auth: { start: "signed_in" } },
  decorators: [withAuth, withTheme],
  render: (args) => (
    <>
      <SessionSummary />
      <LogoutButton {...args} />
    </>
  ),
} satisfies Meta<LogoutButtonProps>;

export default meta;
type Story = StoryObj<LogoutButtonProps>;

export const SignedIn: Story = {
  name: "Signed in (watch the refresh)",
  play: async ({ canvasElement }) => {
    await findText(canvasElement, /signed in as demo@example\.com/i);
  },
};

/** With a title or subtitle, the button comes in a signed-in card that matches the forms. */
export const SignedInCard: Story = {
  name: "Signed-in card",
  args: { title: "You are signed in", subtitle: "demo@example.com" },
  render: (args) => <LogoutButton {...args} />,
  play: async ({ canvasElement }) => {
    await findText(canvasElement, /^you are signed in$/i);
    await findButton(canvasElement, /^sign out$/i);
  },
};

export const Refreshing: Story = {
  parameters: { auth: { start: "refreshing" } },
  play: async ({ canvasElement }) => {
    await findText(canvasElement, /renewing the session/i);
  },
};

export const SignedOut: Story = {
  name: "After sign-out",
  play: async ({ canvasElement }) => {
    await clickButton(canvasElement, /^sign out$/i);
    await findText(canvasElement, /^signed out\.$/i);
  },
};

export const SessionExpired: Story = {
  parameters: { auth: { start: "expired" } },
  play: async ({ canvasElement }) => {
    await findText(canvasElement, /session has expired/i);
  },
};

export const Dark: Story = {
  parameters: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await findButton(canvasElement, /^sign out$/i);
    await findText(canvasElement, /signed in as/i);
  },
};
