// npm run bench:browser: the built site in headless Chromium (prints figures; asserts nothing).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer, waitForPlan } from '../test/browser/harness.mjs';
import { ms as msAt, percentile as pct } from './stats.mjs';

const ms = (x) => msAt(x, 1);

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(dir + f).isDirectory() ? files(`${dir}${f}/`) : [dir + f]));
const sizeOf = (pattern) => files(dist).filter((f) => pattern.test(f)).reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);

const server = await startServer(Number(process.env.PREVIEW_PORT ?? 4180));
const browser = await launchBrowser();
try {
  const firstPlan = [];
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openPage(browser, server.origin, { width: 1280, height: 900 });
    await page.goto(`${server.origin}/?lang=en`);
    await waitForPlan(page);
    firstPlan.push(await page.evaluate(() => new Promise((resolve) => {
      const read = () => {
        const entry = performance.getEntriesByName('airshed:first-plan')[0];
        if (entry) resolve(entry.duration);
        else requestAnimationFrame(read);
      };
      read();
    })));
    await context.close();
  }

  const { page, context } = await openPage(browser, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.origin}/?lang=en`);
  await waitForPlan(page);
  await page.waitForTimeout(1000); // let the sweep for the chart finish
  // 100 programmatic slider steps, each waiting for its numbers to be painted.
  const stepped = await page.evaluate(async () => {
    const slider = document.querySelector('#target-slider');
    const count = () => performance.getEntriesByName('airshed:update').length;
    const start = count();
    for (let i = 0; i < 100; i++) {
      const before = count();
      slider.value = String(218 - i * 0.5);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      while (count() === before) await new Promise((r) => setTimeout(r, 0));
    }
    return performance.getEntriesByName('airshed:update').slice(start).map((e) => e.duration);
  });
  // A drag: one input per animation frame, not waiting; latest-wins drops what goes stale.
  const dragged = await page.evaluate(async () => {
    const slider = document.querySelector('#target-slider');
    const start = performance.getEntriesByName('airshed:update').length;
    for (let i = 0; i < 100; i++) {
      slider.value = String(165 + i * 0.5);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 500));
    return performance.getEntriesByName('airshed:update').slice(start).map((e) => e.duration);
  });
  const solves = await page.evaluate(() => performance.getEntriesByName('airshed:solve').map((e) => e.duration));
  await context.close();

  console.log('Airshed browser benchmark (vite preview, headless Chromium, SwiftShader WebGL)');
  console.log(`first solved plan painted after navigation: median ${ms(pct(firstPlan, 50))}, max ${ms(Math.max(...firstPlan))} (5 loads; goal < 1500 ms)`);
  console.log(`slider step -> numbers painted, 100 sequential steps: median ${ms(pct(stepped, 50))}, p95 ${ms(pct(stepped, 95))} (goal p95 < 16 ms)`);
  console.log(`  of which input -> result back from the worker: median ${ms(pct(solves, 50))}, p95 ${ms(pct(solves, 95))}`);
  console.log(`drag at one input per frame, 100 inputs: ${dragged.length} plans painted, median ${ms(pct(dragged, 50))}, p95 ${ms(pct(dragged, 95))}`);
  console.log(`transferred (gzip): JavaScript ${(sizeOf(/\.m?js$/) / 1024).toFixed(0)} kB, wasm ${(sizeOf(/\.wasm$/) / 1024).toFixed(0)} kB, data ${(sizeOf(/data\/.*\.json$/) / 1024).toFixed(0)} kB, geometry ${(sizeOf(/geo\/.*\.geojson$/) / 1024).toFixed(0)} kB`);
} finally {
  await browser.close();
  server.stop();
}
