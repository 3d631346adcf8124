import * as z from "zod/mini";
import { createLoginSchema, createSignupSchema } from "../../../src/react/schemas.js";

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

describe("form schemas", () => {
  it("trims the email and checks it, then the password", () => {
    const schema = createLoginSchema();
    expect(z.safeParse(schema, { email: "  ada@example.com ", password: "x" })).toMatchObject({
      success: true,
      data: { email: "ada@example.com", password: "x" },
    });
    expect(issues(z.safeParse(schema, { email: " ", password: "" }))).toEqual([
      ["email", "Enter your email address."],
      ["password", "Enter your password."],
    ]);
    expect(issues(z.safeParse(schema, { email: "ada@", password: "x" }))).toEqual([
      ["email", "Enter a valid email address, like name@example.com."],
    ]);
  });

  it("has no confirm field unless asked for one", () => {
    const schema = createSignupSchema();
    const values = { email: "ada@example.com", password: "long-enough" };
    expect(z.safeParse(schema, values)).toMatchObject({ success: true, data: values });
    // Not a field of this schema: dropped, never compared.
    expect(z.safeParse(schema, { ...values, confirmPassword: "other" })).toMatchObject({
      success: true,
      data: values,
    });
  });

  it("requires the confirmation to equal the password when asked for one", () => {
    const schema = createSignupSchema(undefined, undefined, [], { confirmPassword: true });
    const values = { email: "ada@example.com", password: "long-enough" };
    expect(z.safeParse(schema, { ...values, confirmPassword: "long-enough" }).success).toBe(true);
    expect(issues(z.safeParse(schema, { ...values, confirmPassword: "long-enougH" }))).toEqual([
      ["confirmPassword", "The passwords do not match."],
    ]);
    expect(z.safeParse(schema, values).success).toBe(false);
  });

  it("requires the required extra fields only, and keeps the optional ones as typed", () => {
    const schema = createSignupSchema(undefined, undefined, [
      { name: "name", label: "Full name", required: true },
      { name: "company", label: "Company" },
    ]);
    const values = { email: "ada@example.com", password: "long-enough" };
    expect(issues(z.safeParse(schema, { ...values, name: "  ", company: "" }))).toEqual([
      ["name", "Enter your full name."],
    ]);
    expect(z.safeParse(schema, { ...values, name: " Ada ", company: "" })).toMatchObject({
      success: true,
      data: { ...values, name: "Ada", company: "" },
    });
  });
});
