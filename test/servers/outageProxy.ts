// A loopback proxy in front of an auth server, for outage tests: it passes requests through,
// answers 503 (what a load balancer says while the service behind it is down), or drops the
// connection without a reply (what a dead network looks like), switchable at any moment.
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** `pass`: forward; `unavailable`: 503 (preflights still allowed); `drop`: reset the connection. */
export type ProxyMode = "pass" | "unavailable" | "drop";

/** One request the proxy saw, and what it did with it. */
export interface ProxiedRequest {
  method: string;
  /** The path without the query string (which carries the API key). */
  path: string;
  mode: ProxyMode;
}

/** A running proxy. */
export interface OutageProxy {
  /** `127.0.0.1:port`, for a provider's `emulatorHost` (or a base URL). */
  host: string;
  mode: ProxyMode;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

function allowPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-max-age": "0",
  });
  res.end();
}

function unavailable(res: ServerResponse): void {
  const body = JSON.stringify({
    error: { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE" },
  });
  res.writeHead(503, {
    "content-type": "application/json; charset=utf-8",
    "access-control-allow-origin": "*",
    "cache-control": "no-store",
  });
  res.end(body);
}

function forward(target: string, req: IncomingMessage, res: ServerResponse): void {
  const [hostname, port] = target.split(":");
  const upstream = request(
    {
      hostname,
      port: Number(port),
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target },
    },
    (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    },
  );
  upstream.on("error", () => res.socket?.destroy());
  req.pipe(upstream);
}

/** Starts a proxy on a free loopback port in front of `target` (`host:port`), passing through. */
export async function startOutageProxy(target: string): Promise<OutageProxy> {
  const requests: ProxiedRequest[] = [];
  const proxy: OutageProxy = { host: "", mode: "pass", requests, stop: async () => {} };
  const server = createServer((req, res) => {
    const mode = proxy.mode;
    const method = req.method ?? "GET";
    requests.push({ method, path: (req.url ?? "/").split("?")[0] ?? "/", mode });
    if (mode === "drop") {
      req.socket.destroy();
    } else if (mode === "unavailable") {
      if (method === "OPTIONS") allowPreflight(req, res);
      else unavailable(res);
    } else {
      forward(target, req, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
