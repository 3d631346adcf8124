import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { WIDGET_BUILD_PATH } from "./widgetBuildPath.js";

function handler(root: string) {
  return async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const name = (request.url ?? "").split("?")[0]?.replace(/^\//, "") ?? "";
    // Only plain file names from dist/cdn, nothing else from the disk.
    if (!/^[\w.-]+\.js$/.test(name)) return next();
    // The sandboxed srcdoc frame loads the module in CORS mode with `Origin: null`.
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Cache-Control", "no-store");
    try {
      const body = await readFile(resolve(root, "dist/cdn", name));
      response.setHeader("Content-Type", "text/javascript; charset=utf-8");
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.setHeader("Content-Type", "text/plain; charset=utf-8");
      response.end(`dist/cdn/${name} is missing: run npm run build first.`);
    }
  };
}

/** Serves the built CDN files (dist/cdn) untouched, with the CORS header Appsmith's frame needs. */
export function widgetBuildPlugin(): Plugin {
  return {
    name: "appsmith-auth-kit:widget-build",
    configureServer(server) {
      server.middlewares.use(WIDGET_BUILD_PATH, handler(server.config.root));
    },
    configurePreviewServer(server) {
      server.middlewares.use(WIDGET_BUILD_PATH, handler(server.config.root));
    },
  };
}
