// A static file server on 127.0.0.1 for the browser tests: the built CDN files under /cdn/
// and the fake Appsmith host under /host/. Every answer carries
// Access-Control-Allow-Origin: * because module scripts load in CORS mode and a sandboxed
// srcdoc frame sends `Origin: null`, as jsDelivr and esm.sh allow.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/** A running static server and how to stop it. */
export interface StaticServer {
  baseUrl: string;
  /** Every path requested, in order (to check the widget needs one request). */
  requests: string[];
  stop(): Promise<void>;
}

function resolveFile(roots: Record<string, string>, pathname: string): string | undefined {
  for (const [prefix, dir] of Object.entries(roots)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    // Nothing outside the mounted folders, whatever the path says.
    if (file.startsWith(dir + sep)) return file;
  }
  return undefined;
}

/** Serves `roots` (URL prefix → absolute folder) on a free loopback port. */
export async function startStaticServer(roots: Record<string, string>): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(pathname);
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Cache-Control", "no-store");
    const file = resolveFile(roots, pathname);
    try {
      if (file === undefined) throw new Error("not found");
      const body = await readFile(file);
      response.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
