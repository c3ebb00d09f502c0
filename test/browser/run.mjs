// Browser tests: the built site in Debian's Chromium (npm run build first; npm test does).
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startServer, waitForPlan } from './harness.mjs';
import { readdirSync } from 'node:fs';

// Every *.spec.mjs here exports `tests`: [{ name, run({ page, origin, waitForPlan }), viewport?, locale? }].
const specs = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.spec.mjs')).sort();
const allTests = (await Promise.all(specs.map((f) => import(`./${f}`)))).flatMap((m) => m.tests);

const only = process.argv[2];
const server = await startServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (const { name, run, viewport, locale } of allTests) {
    if (only && !name.includes(only)) continue;
    const { context, page, problems } = await openPage(browser, server.origin, { ...viewport, locale });
    const started = Date.now();
    try {
      await run({ page, origin: server.origin, waitForPlan: () => waitForPlan(page) });
      assert.deepEqual(problems.foreignRequests, [], 'requests left the site');
      assert.deepEqual(problems.consoleErrors, [], 'console errors');
      passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
