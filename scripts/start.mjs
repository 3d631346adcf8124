// `npm start`: the local preview on Vite's dev server. Opens it in the browser only where
// there is a display (scripts/display.mjs); always prints the URL. `--port <n>` picks the port.
import { createServer } from "vite";
import { canOpenBrowser } from "./display.mjs";

const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;

const vite = await createServer({
  configFile: "vite.config.ts",
  server: { open: canOpenBrowser(), ...(port === undefined ? {} : { port }) },
});
await vite.listen();
vite.printUrls();
if (!canOpenBrowser()) console.log("  No display here: open the URL above in a browser.");

async function stop() {
  await vite.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
