// npm run bench:lighthouse: Lighthouse (pinned devDependency) against `vite preview` of the
// built site in Debian's Chromium, five runs each with the desktop and the mobile preset; prints
// the medians (asserts nothing). Not part of `npm test`: it takes minutes and its figures are noisy.
// DIST_DIR and PREVIEW_PORT choose the build and the port (see test/browser/harness.mjs); RUNS the
// number of runs per preset; LH_URL_QUERY a query string for the page (default ?lang=en).
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from '../test/browser/harness.mjs';
import { percentile } from './stats.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs) => percentile(xs, 50);

/** The figures the goals are stated in, from one Lighthouse result. */
function figures(lhr) {
  const audit = (id) => lhr.audits[id];
  const longTasks = audit('long-tasks')?.details?.items ?? [];
  const unused = audit('unused-javascript')?.details;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    tbt: audit('total-blocking-time').numericValue,
    longestTask: longTasks.reduce((max, t) => Math.max(max, t.duration ?? 0), 0),
    unusedJsKb: (unused?.overallSavingsBytes ?? 0) / 1024,
    fcp: audit('first-contentful-paint').numericValue,
    lcp: audit('largest-contentful-paint').numericValue,
    longTaskUrls: longTasks.slice(0, 3).map((t) => `${Math.round(t.duration)} ms ${String(t.url).replace(/^https?:\/\/[^/]+/, '')}`),
    unusedFiles: (unused?.items ?? []).map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, '')} ${(i.wastedBytes / 1024).toFixed(0)} kB`),
  };
}

const server = await startServer(Number(process.env.PREVIEW_PORT ?? 4190));
const url = `${server.origin}/${process.env.LH_URL_QUERY ?? '?lang=en'}`;
try {
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} on ${url} (${CHROMIUM}, headless; ${RUNS} runs per preset)`);
  for (const preset of ['desktop', 'mobile']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh browser per run: no cache, no service worker from the run before.
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
      try {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, preset === 'desktop' ? desktopConfig : undefined);
        runs.push(figures(result.lhr));
      } finally {
        await chrome.kill();
      }
    }
    const m = (key) => median(runs.map((r) => r[key]));
    console.log(
      `${preset.padEnd(7)} median of ${RUNS}: performance ${m('score')}, TBT ${m('tbt').toFixed(0)} ms, longest task ${m('longestTask').toFixed(0)} ms, ` +
        `unused JavaScript ${m('unusedJsKb').toFixed(0)} kB, FCP ${m('fcp').toFixed(0)} ms, LCP ${m('lcp').toFixed(0)} ms`,
    );
    console.log(`        runs: ${runs.map((r) => `${r.score}/${r.tbt.toFixed(0)}/${r.longestTask.toFixed(0)}`).join('  ')} (score/TBT/longest task)`);
    const last = runs.at(-1);
    if (last.longTaskUrls.length > 0) console.log(`        longest tasks (last run): ${last.longTaskUrls.join('; ')}`);
    if (last.unusedFiles.length > 0) console.log(`        unused JavaScript (last run): ${last.unusedFiles.join('; ')}`);
  }
  console.log('Goals: desktop performance 95+ with TBT < 150 ms; mobile TBT < 1,000 ms and no task over 250 ms.');
} finally {
  server.stop();
}
