import { SignupForm, type SignupFormProps } from "../src/react/index.js";
import type { Meta, PlayFunction, StoryObj } from "./support/csf.js";
import {
  clickButton,
  fill,
  findButton,
  findFieldError,
  findText,
  waitFor,
} from "./support/interact.js";
import { SessionSummary } from "./support/SessionSummary.js";
import { withTheme } from "./support/themes.js";
import { withAuth } from "./support/withAuth.js";

const meta = {
  title: "Components/SignupForm",
  component: SignupForm,
  args: {
    title: "Create an account",
    subtitle: "Enter your email and choose a password.",
    confirmPassword: false,
    passwordPolicy: { minLength: 8 },
    unstyled: false,
    className: "",
  },
  argTypes: {
    title: { control: "text", description: "Heading of the card (none when empty)" },
    subtitle: { control: "text", description: "Muted line under the title" },
    confirmPassword: { control: "boolean", description: "Ask for the password twice" },
    unstyled: { control: "boolean", description: "Skip the default styles" },
  },
  decorators: [withAuth, withTheme],
} satisfies Meta<SignupFormProps>;

export default meta;
type Story = StoryObj<SignupFormProps>;

const NEW_PASSWORD = "correct-horse-9";

/** Signs up with `email` and `password` and waits for the form to say `expected`. */
function signUpShows(
  email: string,
  password: string,
  expected: RegExp,
): PlayFunction<SignupFormProps> {
  return async ({ canvasElement }) => {
    await fill(canvasElement, { email, password });
    await clickButton(canvasElement, /^create account$/i);
    await findText(canvasElement, expected);
  };
}

export const Empty: Story = {};

export const FullForm: Story = {
  args: {
    confirmPassword: true,
    passwordPolicy: { minLength: 10, requireUppercase: true, requireDigit: true },
    extraFields: [{ name: "fullName", label: "Full name", autoComplete: "name", required: true }],
  },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { password: "abc1" });
    await findText(canvasElement, /an uppercase letter/i);
  },
};

export const ValidationErrors: Story = {
  args: { confirmPassword: true },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, {
      email: "someone@",
      password: "short",
      "confirm password": "different",
    });
    await clickButton(canvasElement, /^create account$/i);
    await findText(canvasElement, /valid email address/i);
    await findText(canvasElement, /meets every requirement/i);
    await findText(canvasElement, /do not match/i);
  },
};

export const Pending: Story = {
  parameters: { auth: { latencyMs: 24 * 60 * 60 * 1000 } },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { email: "new@example.com", password: NEW_PASSWORD });
    await clickButton(canvasElement, /^create account$/i);
    await findButton(canvasElement, /creating account/i);
  },
};

/** The server's error shows on the field it belongs to, which gets the focus. */
export const EmailTaken: Story = {
  play: async (context) => {
    await signUpShows("demo@example.com", NEW_PASSWORD, /already exists/i)(context);
    await findFieldError(context.canvasElement, /^email/i, /already exists/i);
  },
};

export const WeakPassword: Story = {
  name: "Weak password (server)",
  // A lax client policy lets the short password reach the server, which rejects it.
  args: { passwordPolicy: { minLength: 1 } },
  play: async (context) => {
    await signUpShows("new@example.com", "abc", /too weak/i)(context);
    await findFieldError(context.canvasElement, /^password/i, /too weak/i);
  },
};

export const RateLimited: Story = {
  play: signUpShows("new+ratelimit@example.com", NEW_PASSWORD, /too many attempts/i),
};

export const NetworkError: Story = {
  play: signUpShows("new+network@example.com", NEW_PASSWORD, /could not reach/i),
};

export const ServerError: Story = {
  play: signUpShows("new+servererror@example.com", NEW_PASSWORD, /reported an error/i),
};

export const ConfirmationNeeded: Story = {
  play: signUpShows("new+confirm@example.com", NEW_PASSWORD, /check your email/i),
};

export const Success: Story = {
  render: (args) => (
    <>
      <SignupForm {...args} />
      <SessionSummary />
    </>
  ),
  play: signUpShows("new@example.com", NEW_PASSWORD, /signed in as new@example\.com/i),
};

export const Dark: Story = {
  parameters: { theme: "dark" },
  args: { confirmPassword: true },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, { password: "abc" });
    await waitFor(() => canvasElement.querySelector("form"), "the form");
  },
};

export const DarkWithErrors: Story = {
  parameters: { theme: "dark" },
  play: signUpShows("demo@example.com", NEW_PASSWORD, /already exists/i),
};

export const Narrow240: Story = {
  name: "Narrow (240 px)",
  parameters: { width: 240 },
  args: { confirmPassword: true },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, {
      email: "demo@example.com",
      password: NEW_PASSWORD,
      "confirm password": NEW_PASSWORD,
    });
    await clickButton(canvasElement, /^create account$/i);
    await findText(canvasElement, /already exists/i);
  },
};
