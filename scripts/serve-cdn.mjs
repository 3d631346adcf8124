// `npm run serve:cdn [-- --port <n>] [-- --host <address>]`: serves the built single files
// (dist/cdn/, from `npm run build`) the way a CDN would, so the Custom Widget can load a
// build that is not published. Every answer carries `Access-Control-Allow-Origin: *`: the
// widget's frame has the origin `null` and loads its module in CORS mode, so without that
// header the import fails and the widget stays blank. Only files of dist/cdn/ are served.
// Default 127.0.0.1:8787; `--port 0` takes a free port. Ctrl+C stops it.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const WIDGET = "appsmith-auth-kit.widget.js";
const root = fileURLToPath(new URL("../dist/cdn/", import.meta.url));

/** Starts the server; resolves to its base URL (with a trailing slash) and a close function. */
export async function serveCdn({ port = 8787, host = "127.0.0.1", dir = root } = {}) {
  const server = createServer(async (request, response) => {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Cache-Control", "no-cache");
    const name = new URL(request.url ?? "/", "http://localhost").pathname.slice(1);
    // Plain file names only: nothing outside dist/cdn/, whatever the path says.
    if (!/^[\w.-]+\.js$/.test(name) || !["GET", "HEAD"].includes(request.method ?? "")) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("not found\n");
      return;
    }
    try {
      const body = await readFile(`${dir}${name}`);
      response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(`${name} is not in dist/cdn/: run npm run build first\n`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  if (!existsSync(`${root}${WIDGET}`)) {
    console.error(`dist/cdn/${WIDGET} is missing: run npm run build first.`);
    process.exit(1);
  }
  const { url, close } = await serveCdn({
    port: Number(arg("--port") ?? 8787),
    host: arg("--host") ?? "127.0.0.1",
  });
  console.log(`Serving dist/cdn/ at ${url} with Access-Control-Allow-Origin: *`);
  console.log("Paste into the Custom widget's JS tab:");
  console.log(`  import { mount } from "${url}${WIDGET}";`);
  const stop = () => close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
