import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { RecordedRequest } from "./supabaseFake.js";

type Json = Record<string, unknown>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The GoTrue OpenAPI spec, kept in the repository (source and licence: specs/README.md). */
export function loadGotrueSpec(): Json {
  const file = path.resolve(repoRoot, "test/fakes/specs/gotrue-openapi.yaml");
  return parse(readFileSync(file, "utf8")) as Json;
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a concrete object. */
export function resolveRef(spec: Json, node: unknown): Json {
  let current = node as Json;
  for (let depth = 0; typeof current?.$ref === "string" && depth < 10; depth += 1) {
    const parts = (current.$ref as string).replace(/^#\//, "").split("/");
    current = parts.reduce<unknown>((value, key) => (value as Json)?.[key], spec) as Json;
  }
  return current;
}

/** Every `error_code` value the spec documents anywhere (examples and descriptions). */
export function documentedErrorCodes(spec: Json): Set<string> {
  const codes = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "error_code" && typeof value === "string") codes.add(value);
        walk(value);
      }
    }
  };
  walk(spec);
  return codes;
}

function hasScheme(spec: Json, name: string, request: RecordedRequest): boolean {
  const scheme = resolveRef(spec, (spec.components as Json).securitySchemes as Json)[name] as Json;
  if (scheme.type === "apiKey" && scheme.in === "header") {
    return Boolean(request.headers.get(String(scheme.name)));
  }
  if (scheme.type === "http" && scheme.scheme === "bearer") {
    return /^Bearer \S+$/.test(request.headers.get("authorization") ?? "");
  }
  return false;
}

/** Lists every way `request` departs from the spec; an empty list means it conforms. */
export function specProblems(spec: Json, request: RecordedRequest): string[] {
  const where = `${request.method} ${request.path}`;
  const pathItem = (spec.paths as Json)[request.path] as Json | undefined;
  if (!pathItem) return [`${where}: path not in spec`];
  const operation = pathItem[request.method.toLowerCase()] as Json | undefined;
  if (!operation) return [`${where}: method not in spec`];
  const problems: string[] = [];
  const params = ((operation.parameters as unknown[]) ?? []).map((p) => resolveRef(spec, p));
  const queryParams = params.filter((p) => p.in === "query");
  for (const [key, value] of request.query) {
    const param = queryParams.find((p) => p.name === key);
    const allowed = (param?.schema as Json | undefined)?.enum as unknown[] | undefined;
    if (!param) problems.push(`${where}: query "${key}" not in spec`);
    else if (allowed && !allowed.includes(value))
      problems.push(`${where}: ${key}=${value} not allowed`);
  }
  for (const param of queryParams.filter((p) => p.required)) {
    if (!request.query.has(String(param.name)))
      problems.push(`${where}: query "${param.name}" missing`);
  }
  const security = (operation.security ?? spec.security ?? []) as Json[];
  const secured =
    security.length === 0 ||
    security.some((alt) => Object.keys(alt).every((name) => hasScheme(spec, name, request)));
  if (!secured) problems.push(`${where}: security requirements not met`);
  const media = (resolveRef(spec, operation.requestBody)?.content as Json | undefined)?.[
    "application/json"
  ] as Json | undefined;
  if (media && request.body !== undefined)
    problems.push(...bodyProblems(spec, media, request, where));
  if (!media && request.body !== undefined)
    problems.push(`${where}: sends a body the spec does not take`);
  return problems;
}

function bodyProblems(spec: Json, media: Json, request: RecordedRequest, where: string): string[] {
  const problems: string[] = [];
  const schema = resolveRef(spec, media.schema);
  const body = request.body as Json;
  const properties = (schema.properties ?? {}) as Json;
  for (const key of Object.keys(body)) {
    if (!(key in properties)) problems.push(`${where}: body field "${key}" not in schema`);
    else if (resolveRef(spec, properties[key]).type === "string" && typeof body[key] !== "string") {
      problems.push(`${where}: body field "${key}" is not a string`);
    }
  }
  for (const key of (schema.required as string[] | undefined) ?? []) {
    if (!(key in body)) problems.push(`${where}: required body field "${key}" missing`);
  }
  // The spec marks no body field required; its named examples say which fields each flow
  // needs (e.g. `grant_type=password` → email + password), so one must be fully present.
  const examples = Object.entries((media.examples ?? {}) as Json);
  const grant = request.query.get("grant_type");
  const relevant = examples.filter(([name]) => (grant ? name === `grant_type=${grant}` : true));
  const fits = relevant.some(([, example]) =>
    Object.keys(((example as Json).value ?? {}) as Json).every((key) => key in body),
  );
  if (relevant.length > 0 && !fits) problems.push(`${where}: body fits no documented example`);
  return problems;
}
