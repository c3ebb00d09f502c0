// Serves the built site with `vite preview` and drives Debian's Chromium with playwright-core.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

/** Starts `vite preview` on the built site and resolves with its origin once it answers. */
export async function startServer(port = Number(process.env.PREVIEW_PORT ?? 4173)) {
  // DIST_DIR lets several builds be tested side by side (vite build --outDir elsewhere).
  const dist = process.env.DIST_DIR ?? `${ROOT}/dist`;
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist} has no build: run \`npm run build\` first.`);
  const child = spawn(`${ROOT}/node_modules/.bin/vite`, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${output}`);
    try {
      if ((await fetch(origin)).ok) return { origin, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${origin}: ${output}`);
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (npm test does this via pretest).`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page that records console errors, page errors and any request to a host other than the
 * site itself (the site must work with no network).
 */
export async function openPage(browser, origin, { width = 1280, height = 900, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  const problems = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (error) => problems.consoleErrors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.foreignRequests.push(url);
  });
  return { context, page, problems };
}

/** Waits until the first plan's numbers are on screen. */
export async function waitForPlan(page) {
  await page.waitForSelector('[data-testid="summary"]:not(:empty)', { timeout: 20_000 });
}
