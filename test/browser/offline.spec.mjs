// Offline use: after one visit the service worker (src/sw.ts, built to sw.js) serves the site
// with no network at all.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Waits until the service worker is active and controls the page (it claims open pages; reload if not). */
async function waitForServiceWorker(page, waitForPlan) {
  await page.evaluate(async () => {
    const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`no service worker: ${what}`)), ms));
    await Promise.race([navigator.serviceWorker.ready, timeout(20_000, 'never ready')]);
    if (!navigator.serviceWorker.controller)
      await Promise.race([new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })), timeout(5_000, 'no controller')]).catch(() => {});
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await waitForPlan();
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
}

export const tests = [
  {
    name: 'offline: once visited, the site loads, solves and draws the map with no network',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await waitForServiceWorker(page, waitForPlan);

      await page.context().setOffline(true);
      const response = await page.goto(`${origin}/?lang=zh&target=190`);
      assert.ok(response?.ok() && response.fromServiceWorker(), 'index.html came from the service worker');
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      await waitForPlan();
      const summary = await page.locator('[data-testid="summary"]').innerText();
      assert.match(summary, /亿元/);
      assert.match(summary, /190\.0/);
      await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13, null, { timeout: 20_000 });
      await page.context().setOffline(false);
    },
  },
  {
    name: 'offline: the precache holds every file of the build (no source maps, no _headers) under a versioned name',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await waitForServiceWorker(page, waitForPlan);
      const { names, urls } = await page.evaluate(async () => {
        const names = await caches.keys();
        const urls = names.length === 1 ? (await (await caches.open(names[0])).keys()).map((r) => r.url) : [];
        return { names, urls };
      });
      assert.equal(names.length, 1, `one cache: ${names}`);
      assert.match(names[0], new RegExp(`^airshed-precache ${origin}/ [0-9a-f]{16}$`));
      // The build being served (harness.startServer honours DIST_DIR too).
      const dist = process.env.DIST_DIR ? `${process.env.DIST_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../dist/', import.meta.url));
      const built = readdirSync(dist, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(dist, join(d.parentPath, d.name)).split(sep).join('/'))
        .filter((f) => f !== 'sw.js' && f !== '_headers' && !f.endsWith('.map'));
      const cached = urls.map((u) => u.slice(origin.length + 1));
      assert.deepEqual(cached.toSorted(), built.toSorted());
      assert.ok(cached.includes('index.html') && cached.some((f) => f.endsWith('.wasm')) && cached.some((f) => /maplibre-gl-worker.*\.mjs$/.test(f)));
    },
  },
];
