// Renders Mermaid diagrams in a real browser with the Mermaid that @mermaid-js/mermaid-cli installed (and its puppeteer),
// one browser and one page for a whole test run. mmdc itself opens a new page and loads Mermaid again for every diagram
// (seconds each on a loaded machine); here Mermaid is loaded once and each diagram costs one mermaid.render call.
//
// The tests (tests/Shared/MermaidCheck.cs) start this once per test process, send one JSON request a line on stdin:
//   {"id": 1, "definition": "flowchart LR\n ..."}
// and read one JSON answer a line on stdout: {"id": 1, "ok": true, "bytes": 1234} or {"id": 1, "ok": false, "error": "..."}.
// The first line written is {"ready": true} once Mermaid is loaded. Closing stdin closes the browser and exits.
// Usage: node check.mjs <chromium executable>
import path from "node:path";
import readline from "node:readline";
import url from "node:url";
import puppeteer from "puppeteer";

const executablePath = process.argv[2];
if (!executablePath) {
  process.stderr.write("usage: node check.mjs <chromium executable>\n");
  process.exit(2);
}

// mermaid.min.js beside the module that mermaid-cli imports (node_modules/mermaid/dist), so both are the same release.
const mermaidScript = path.join(path.dirname(url.fileURLToPath(import.meta.resolve("mermaid"))), "mermaid.min.js");

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  // A big diagram (the 1,500-citation graph's sources) takes minutes to lay out on a loaded machine; the tests time out.
  protocolTimeout: 20 * 60 * 1000,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
// Nothing is fetched: the page is built from a string and Mermaid from a local file.
await page.setRequestInterception(true);
page.on("request", (request) => (request.url().startsWith("data:") ? request.continue() : request.abort()));
await page.setContent('<!doctype html><html><body><div id="container"></div></body></html>');
await page.addScriptTag({ path: mermaidScript });
// mmdc's defaults: no start on load, Mermaid's default (strict) security level.
await page.evaluate(() => globalThis.mermaid.initialize({ startOnLoad: false }));

const write = (answer) => process.stdout.write(JSON.stringify(answer) + "\n");

async function check({ id, definition }) {
  try {
    const svg = await page.evaluate(
      async (definition, id) => {
        const container = document.getElementById("container");
        // Throws on any parse or layout error, as it does inside mmdc.
        const { svg } = await globalThis.mermaid.render("diagram-" + id, definition, container);
        container.innerHTML = "";
        return svg;
      },
      definition,
      id,
    );
    if (!svg.startsWith("<svg")) {
      write({ id, ok: false, error: "Mermaid returned no SVG: " + svg.slice(0, 200) });
    } else if (svg.includes("Syntax error in text")) {
      write({ id, ok: false, error: "Mermaid drew its syntax-error diagram" });
    } else if (svg.includes("Maximum text size in diagram exceeded")) {
      // Over maxTextSize Mermaid draws this one-node diagram instead of throwing.
      write({ id, ok: false, error: `Maximum text size in diagram exceeded: ${definition.length} characters (Mermaid's maxTextSize)` });
    } else {
      write({ id, ok: true, bytes: svg.length });
    }
  } catch (e) {
    write({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
}

write({ ready: true });
// One diagram at a time: Mermaid renders through one global queue anyway.
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === "") {
    continue;
  }

  let request;
  try {
    request = JSON.parse(line);
  } catch {
    write({ id: null, ok: false, error: "not JSON: " + line.slice(0, 100) });
    continue;
  }

  await check(request);
}

await browser.close();
