import { LoginForm, type LoginFormProps } from "../src/react/index.js";
import type { Meta, PlayFunction, StoryObj } from "./support/csf.js";
import { clickButton, fill, findButton, findText, waitFor } from "./support/interact.js";
import { SessionSummary } from "./support/SessionSummary.js";
import { DEMO_USER } from "./support/storyEngine.js";
import { withTheme } from "./support/themes.js";
import { withAuth } from "./support/withAuth.js";

const meta = {
  title: "Components/LoginForm",
  component: LoginForm,
  args: {
    title: "Sign in",
    subtitle: "Welcome back. Enter your email and password.",
    defaultEmail: "",
    unstyled: false,
    className: "",
  },
  argTypes: {
    title: { control: "text", description: "Heading of the card (none when empty)" },
    subtitle: { control: "text", description: "Muted line under the title" },
    defaultEmail: { control: "text", description: "Pre-filled email" },
    unstyled: { control: "boolean", description: "Skip the default styles" },
  },
  decorators: [withAuth, withTheme],
} satisfies Meta<LoginFormProps>;

export default meta;
type Story = StoryObj<LoginFormProps>;

/** Signs in with `email` and `password` and waits for the form's alert to say `expected`. */
function signInFails(
  email: string,
  password: string,
  expected: RegExp,
): PlayFunction<LoginFormProps> {
  return async ({ canvasElement }) => {
    await fill(canvasElement, { email, password });
    await clickButton(canvasElement, /^sign in$/i);
    await findText(canvasElement, expected);
  };
}

export const Empty: Story = {};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { email: "not-an-email" });
    await clickButton(canvasElement, /^sign in$/i);
    await findText(canvasElement, /valid email address/i);
    await findText(canvasElement, /enter your password/i);
  },
};

export const Pending: Story = {
  parameters: { auth: { latencyMs: 24 * 60 * 60 * 1000 } },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, DEMO_USER);
    await clickButton(canvasElement, /^sign in$/i);
    await findButton(canvasElement, /signing in/i);
  },
};

/** The eye button at the end of the field, pressed: the password is shown as text. */
export const PasswordShown: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, DEMO_USER);
    await clickButton(canvasElement, /^show password$/i);
    await findButton(canvasElement, /^hide password$/i);
  },
};

export const InvalidCredentials: Story = {
  play: signInFails(DEMO_USER.email, "wrongpass", /email or password is incorrect/i),
};

export const RateLimited: Story = {
  play: signInFails("demo+ratelimit@example.com", "password123", /too many attempts/i),
};

export const NetworkError: Story = {
  play: signInFails("demo+network@example.com", "password123", /could not reach/i),
};

export const Timeout: Story = {
  play: signInFails("demo+timeout@example.com", "password123", /took too long/i),
};

export const ServerError: Story = {
  play: signInFails("demo+servererror@example.com", "password123", /reported an error/i),
};

export const EmailNotConfirmed: Story = {
  play: signInFails("demo+unconfirmed@example.com", "password123", /confirm your email/i),
};

export const UserDisabled: Story = {
  play: signInFails("demo+disabled@example.com", "password123", /has been disabled/i),
};

export const Success: Story = {
  render: (args) => (
    <>
      <LoginForm {...args} />
      <SessionSummary />
    </>
  ),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, DEMO_USER);
    await clickButton(canvasElement, /^sign in$/i);
    await findText(canvasElement, /signed in as demo@example\.com/i);
  },
};

// The engine ends the session itself (its refresh token was refused); the form says so on its own.
export const SessionExpired: Story = {
  parameters: { auth: { start: "expired" } },
  play: async ({ canvasElement }) => {
    const notice = await findText(canvasElement, /session has expired/i);
    if (notice.getAttribute("role") !== "alert") throw new Error("not in the form's live region");
  },
};

export const Dark: Story = {
  parameters: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector("form"), "the form");
  },
};

export const DarkWithError: Story = {
  parameters: { theme: "dark" },
  play: signInFails(DEMO_USER.email, "wrongpass", /email or password is incorrect/i),
};

export const Narrow240: Story = {
  name: "Narrow (240 px)",
  parameters: { width: 240 },
  play: signInFails("demo+ratelimit@example.com", "password123", /too many attempts/i),
};
