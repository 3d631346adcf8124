// oidc-provider ships no types; this covers only what test/servers/oidcServer.ts uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface OidcAccount {
    accountId: string;
    claims(
      use: string,
      scope: string,
      claims?: unknown,
      rejected?: string[],
    ): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface OidcClient {
    clientId: string;
  }

  export interface OidcContext {
    oidc: {
      params: Record<string, string | undefined>;
      client: OidcClient;
      entity(name: string, value: unknown): void;
    };
    body: unknown;
  }

  interface TokenModel {
    save(): Promise<string>;
    expiration: number;
    scope?: string;
  }

  interface TokenConstructor {
    new (properties: Record<string, unknown>): TokenModel;
  }

  export interface OidcGrant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    Grant: new (properties: {
      accountId: string;
      clientId: string;
    }) => OidcGrant;
    AccessToken: TokenConstructor;
    RefreshToken: TokenConstructor;
    IdToken: new (
      claims: Record<string, unknown>,
      options: { ctx: OidcContext },
    ) => { scope: string; issue(options: { use: "idtoken" }): Promise<string> };
    registerGrantType(
      name: string,
      handler: (ctx: OidcContext) => Promise<void>,
      params: readonly string[],
    ): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: {
    InvalidGrant: new (description?: string) => Error;
  };

  export default Provider;
}
