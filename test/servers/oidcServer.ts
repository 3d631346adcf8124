// A real OAuth 2.0 / OpenID provider (oidc-provider) on 127.0.0.1 for the integration tests,
// with the password grant registered by hand and an Auth0-style sign-up endpoint beside it.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, {
  errors,
  type OidcAccount,
  type OidcClient,
  type OidcContext,
} from "oidc-provider";

/** A running provider and how to reach it. */
export interface OidcServer {
  issuer: string;
  tokenUrl: string;
  revokeUrl: string;
  signUpUrl: string;
  clientId: string;
  connection: string;
  createUser(email: string, password: string): { id: string; email: string };
  /** Every refresh grant the server answered, in order: the token presented and the outcome. */
  refreshGrants: RefreshGrant[];
  /** Grants the server revoked (oidc-provider revokes a family when a spent refresh token comes back). */
  revokedGrants: string[];
  stop(): Promise<void>;
}

/** One `grant_type=refresh_token` request as the server saw it. */
export interface RefreshGrant {
  refreshToken: string;
  ok: boolean;
  error?: string;
}

/** Options for {@link startOidcServer}. */
export interface OidcServerOptions {
  /** Access-token lifetime, in seconds (`expires_in`); default 3600. */
  accessTokenTtlSeconds?: number;
}

interface StoredUser {
  id: string;
  email: string;
  password: string;
}

const CLIENT_ID = "auth-kit-test";
const CONNECTION = "Username-Password-Authentication";
const SCOPES = ["openid", "email", "offline_access"];
const MIN_PASSWORD = 8;

function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "test", alg: "RS256", use: "sig" };
}

function createUserStore() {
  const byEmail = new Map<string, StoredUser>();
  const byId = new Map<string, StoredUser>();
  return {
    byId: (id: string) => byId.get(id),
    byEmail: (email: string) => byEmail.get(email.trim().toLowerCase()),
    add(email: string, password: string): StoredUser {
      const user = { id: randomUUID(), email: email.trim().toLowerCase(), password };
      byEmail.set(user.email, user);
      byId.set(user.id, user);
      return user;
    },
  };
}

type UserStore = ReturnType<typeof createUserStore>;

function toAccount(user: StoredUser): OidcAccount {
  return {
    accountId: user.id,
    claims: () => ({ sub: user.id, email: user.email, email_verified: false }),
  };
}

// A public client may revoke only its own tokens (what the library's default does, minus its notice).
const revocationAllowed = (_ctx: unknown, client: OidcClient, token: { clientId: string }) =>
  token.clientId === client.clientId;

function createProvider(issuer: string, users: UserStore, accessTokenTtl: number): Provider {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: "none",
        grant_types: ["password", "refresh_token"],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = users.byId(id);
      return user ? toAccount(user) : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    scopes: SCOPES,
    features: {
      revocation: { enabled: true, allowedPolicy: revocationAllowed },
      devInteractions: { enabled: false },
    },
    // The refresh grant's ID token keeps the email claim, as Auth0's does.
    conformIdTokenClaims: false,
    rotateRefreshToken: true,
    clientBasedCORS: () => true,
    ttl: { AccessToken: accessTokenTtl, IdToken: 3600, RefreshToken: 86_400, Grant: 86_400 },
  });
  provider.registerGrantType("password", passwordGrant(provider, users), [
    "username",
    "password",
    "scope",
  ]);
  return provider;
}

// RFC 6749 §4.3: oidc-provider has no password grant, so issue the same tokens its
// authorization_code grant would, for a freshly created Grant.
function passwordGrant(provider: Provider, users: UserStore) {
  return async (ctx: OidcContext): Promise<void> => {
    const { username, password } = ctx.oidc.params;
    const user = username === undefined ? undefined : users.byEmail(username);
    if (!user || user.password !== password) {
      throw new errors.InvalidGrant("invalid username or password");
    }
    const scope = grantedScope(ctx.oidc.params.scope);
    const { client } = ctx.oidc;
    const account = toAccount(user);
    ctx.oidc.entity("Account", account);
    const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
    grant.addOIDCScope(scope);
    const grantId = await grant.save();
    ctx.oidc.entity("Grant", grant);
    const authTime = Math.floor(Date.now() / 1000);
    const common = { accountId: user.id, client, grantId, gty: "password", scope };
    const at = new provider.AccessToken(common);
    const body: Record<string, unknown> = {
      access_token: await at.save(),
      token_type: "Bearer",
      expires_in: at.expiration,
      scope,
    };
    const scopes = scope.split(" ");
    if (scopes.includes("offline_access")) {
      body.refresh_token = await new provider.RefreshToken({ ...common, authTime }).save();
    }
    if (scopes.includes("openid")) {
      const claims = await account.claims("id_token", scope);
      const idToken = new provider.IdToken({ ...claims, auth_time: authTime }, { ctx });
      idToken.scope = scope;
      body.id_token = await idToken.issue({ use: "idtoken" });
    }
    ctx.body = body;
  };
}

// The requested scopes the server knows; without a request, only a refresh token is granted.
function grantedScope(requested: string | undefined): string {
  const known = requested?.split(" ").filter((scope) => SCOPES.includes(scope)) ?? [];
  return known.length > 0 ? known.join(" ") : "offline_access";
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "access-control-allow-origin": "*",
  });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// Shapes follow Auth0's documented sign-up errors (user_exists, invalid_password, invalid_signup).
async function handleSignUp(req: IncomingMessage, res: ServerResponse, users: UserStore) {
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type",
    });
    res.end();
    return;
  }
  const { client_id, email, password, connection } = await readJson(req);
  const bad = (code: string, description: unknown, name = "BadRequestError") =>
    sendJson(res, 400, { name, code, description, statusCode: 400 });
  if (client_id !== CLIENT_ID) return bad("invalid_client", "Unknown client.");
  if (connection !== CONNECTION) return bad("invalid_connection", "Unknown connection.");
  if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    return bad("invalid_signup", "Invalid sign up");
  }
  if (typeof password !== "string" || password.length < MIN_PASSWORD) {
    return bad(
      "invalid_password",
      {
        rules: [
          {
            code: "lengthAtLeast",
            message: "At least %d characters in length",
            format: [MIN_PASSWORD],
            verified: false,
          },
        ],
        verified: false,
      },
      "PasswordStrengthError",
    );
  }
  if (users.byEmail(email)) return bad("user_exists", "The user already exists.");
  const user = users.add(email, password);
  sendJson(res, 200, { _id: user.id, email: user.email, email_verified: false });
}

type GrantContext = { oidc?: { params: Record<string, string | undefined> } };

// The refresh grants and revocations, from the provider's own events (after its checks ran).
function recordRefreshes(provider: Provider, grants: RefreshGrant[], revoked: string[]): void {
  const note = (ctx: unknown, error?: unknown) => {
    const { grant_type, refresh_token } = (ctx as GrantContext).oidc?.params ?? {};
    if (grant_type !== "refresh_token" || refresh_token === undefined) return;
    const grant: RefreshGrant = { refreshToken: refresh_token, ok: error === undefined };
    if (error !== undefined) grant.error = String((error as Error).message ?? error);
    grants.push(grant);
  };
  provider.on("grant.success", (ctx) => note(ctx));
  provider.on("grant.error", (ctx, error) => note(ctx, error ?? "error"));
  provider.on("grant.revoked", (_ctx, grantId) => revoked.push(String(grantId)));
}

/** Starts the provider on 127.0.0.1 (a free port unless one is given). */
export async function startOidcServer(
  port = 0,
  options: OidcServerOptions = {},
): Promise<OidcServer> {
  const users = createUserStore();
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (req.url?.split("?")[0] === "/dbconnections/signup") {
      handleSignUp(req, res, users).catch(() => sendJson(res, 500, { error: "server_error" }));
    } else if (handle) {
      handle(req, res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = createProvider(issuer, users, options.accessTokenTtlSeconds ?? 3600);
  const refreshGrants: RefreshGrant[] = [];
  const revokedGrants: string[] = [];
  recordRefreshes(provider, refreshGrants, revokedGrants);
  handle = provider.callback();
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    revokeUrl: `${issuer}/token/revocation`,
    signUpUrl: `${issuer}/dbconnections/signup`,
    clientId: CLIENT_ID,
    connection: CONNECTION,
    createUser: (email, password) => {
      const user = users.add(email, password);
      return { id: user.id, email: user.email };
    },
    refreshGrants,
    revokedGrants,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
