// npm run bench:browser: the built site in headless Chromium (prints figures; asserts nothing).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer, waitForPlan } from '../test/browser/harness.mjs';
import { ms as msAt, percentile as pct } from './stats.mjs';

const ms = (x) => msAt(x, 1);

// DIST_DIR benchmarks another build (vite build --outDir elsewhere), as harness.startServer serves it.
const dist = process.env.DIST_DIR ? `${process.env.DIST_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../dist/', import.meta.url));
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
  // TRACE=file.json records a Chromium performance trace (CDP tracing) of the two runs below,
  // to open in the browser's Performance panel.
  if (process.env.TRACE) await browser.startTracing(page, { path: process.env.TRACE, screenshots: false });
  /** The phases of each step measured by the view model (app/model.svelte.ts showPlans), from index `from` on. */
  const phases = (from) => page.evaluate((from) => Object.fromEntries(['update', 'solve', 'worker', 'roundtrip', 'render'].map((name) =>
    [name, performance.getEntriesByName(`airshed:${name}`).slice(from[name] ?? 0).map((e) => e.duration)])), from);
  const counts = async () => Object.fromEntries(Object.entries(await phases({})).map(([k, v]) => [k, v.length]));
  // 100 programmatic slider steps, each waiting for its numbers to be painted.
  let from = await counts();
  await page.evaluate(async () => {
    const slider = document.querySelector('#target-slider');
    const count = () => performance.getEntriesByName('airshed:update').length;
    for (let i = 0; i < 100; i++) {
      const before = count();
      slider.value = String(218 - i * 0.5);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      while (count() === before) await new Promise((r) => setTimeout(r, 0));
    }
  });
  const stepped = await phases(from);
  // A drag: one input per animation frame, not waiting; latest-wins drops what goes stale. Long
  // tasks on the main thread during the drag are counted too.
  from = await counts();
  const longTasks = await page.evaluate(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const slider = document.querySelector('#target-slider');
    for (let i = 0; i < 100; i++) {
      slider.value = String(165 + i * 0.5);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 500));
    observer.disconnect();
    return tasks;
  });
  const dragged = await phases(from);
  if (process.env.TRACE) await browser.stopTracing();
  await context.close();

  const line = (xs) => (xs.length === 0 ? 'not measured by this build' : `median ${ms(pct(xs, 50))}, p95 ${ms(pct(xs, 95))}`);
  /** Where a step's time goes: the worker's solving, the rest of the round trip, Svelte's DOM update, then the frame. */
  const breakdown = (p) => {
    const paint = p.render.length === 0 ? [] : p.update.map((u, i) => u - (p.solve[i] ?? 0) - (p.render[i] ?? 0));
    return `    worker solve ${line(p.worker)} · round trip (messages, queue) ${line(p.roundtrip)} · DOM update ${line(p.render)} · to the frame ${line(paint)}`;
  };
  console.log('Airshed browser benchmark (vite preview, headless Chromium, SwiftShader WebGL)');
  console.log(`first solved plan painted after navigation: median ${ms(pct(firstPlan, 50))}, max ${ms(Math.max(...firstPlan))} (5 loads; goal < 1500 ms)`);
  console.log(`slider step -> numbers painted, 100 sequential steps: ${line(stepped.update)} (goal p95 < 16 ms)`);
  console.log(`  of which input -> result back from the worker: ${line(stepped.solve)}`);
  console.log(breakdown(stepped));
  console.log(`drag at one input per frame, 100 inputs: ${dragged.update.length} plans painted, ${line(dragged.update)} (goal p95 < 16 ms)`);
  console.log(breakdown(dragged));
  const trips = [...stepped.roundtrip, ...dragged.roundtrip];
  console.log(`worker round trip (input -> result, less the solve itself): ${line(trips)} (goal p95 < 5 ms)`);
  console.log(`long tasks (> 50 ms) on the main thread during the drag: ${longTasks.length}${longTasks.length ? `, longest ${ms(Math.max(...longTasks))}` : ''}`);
  console.log(`transferred (gzip): JavaScript ${(sizeOf(/\.m?js$/) / 1024).toFixed(0)} kB, wasm ${(sizeOf(/\.wasm$/) / 1024).toFixed(0)} kB, data ${(sizeOf(/data\/.*\.json$/) / 1024).toFixed(0)} kB, geometry ${(sizeOf(/geo\/.*\.geojson$/) / 1024).toFixed(0)} kB`);
  if (process.env.TRACE) console.log(`trace written to ${process.env.TRACE}`);
} finally {
  await browser.close();
  server.stop();
}
