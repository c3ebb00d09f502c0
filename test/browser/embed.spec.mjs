import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'the Embed dialog gives an iframe snippet for the current view and its panels',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&target=185`);
      await waitForPlan();
      await page.getByRole('button', { name: 'Embed' }).click();
      const dialog = page.locator('dialog[open]');
      // The four original panels still make a snippet (the dialog now starts on the headline card).
      await dialog.getByLabel('Headline and costs').uncheck();
      await dialog.getByLabel('Target slider').uncheck();
      for (const panel of ['Controls', 'Cost chart', 'Numbers and summary']) await dialog.getByLabel(panel, { exact: true }).check();
      await dialog.getByLabel('Always').check();
      const snippet = await page.locator('[data-testid="embed-snippet"]').inputValue();
      assert.match(snippet, /^<iframe class="airshed-embed" src="http:\/\/127\.0\.0\.1:\d+\/\?data=bth-ozone&amp;embed&amp;lang=en&amp;panels=controls,chart,summary&amp;target=185\.0&amp;v=1&amp;dark=true"/);
      assert.match(snippet, /airshed:height/);
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('dialog[open]').count(), 0);
    },
  },
  {
    name: 'embed example page: the iframe sizes itself to its content via postMessage',
    async run({ page, origin }) {
      await page.goto(`${origin}/embed-example.html`);
      // Two embeds: the headline card first (the answer), then an older panels=controls,chart,summary link.
      assert.equal(await page.locator('iframe.airshed-embed').count(), 2);
      const card = page.frameLocator('iframe.airshed-embed >> nth=0');
      await card.locator('[data-testid="headline"]:not([aria-busy="true"])').waitFor({ timeout: 20_000 });
      assert.match(await card.locator('[data-testid="headline"]').innerText(), /^Acting together meets 190\.0/);
      assert.equal(await card.locator('[data-testid="summary"]').count(), 0);
      assert.equal(await card.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgba(0, 0, 0, 0)', 'bg=transparent');
      const frame = page.frameLocator('iframe.airshed-embed >> nth=1');
      await frame.locator('[data-testid="summary"]:not(:empty)').waitFor({ timeout: 20_000 });
      // The host page only learns the height from the embed's message.
      await page.waitForFunction(() => {
        const iframe = document.querySelectorAll('iframe.airshed-embed')[1];
        const inner = iframe.contentDocument.documentElement.scrollHeight;
        return iframe.style.height && Math.abs(parseFloat(iframe.style.height) - inner) <= 2;
      }, null, { timeout: 10_000 });
      assert.equal(await frame.locator('header').count(), 0, 'no page chrome in an embed');
      assert.equal(await frame.locator('.maplibregl-canvas').count(), 0, 'map panel left out by panels=');
      assert.match(await frame.locator('[data-testid="summary"]').innerText(), /190\.0/);
      assert.match(await frame.locator('.embed-bar a').getAttribute('href'), /^http:\/\/127\.0\.0\.1:\d+\/\?.*target=190\.0/);
    },
  },
  {
    name: 'embed with the map: cooperative gestures, dark theme from dark=true',
    async run({ page, origin }) {
      await page.goto(`${origin}/?embed&panels=map,summary&dark=true&lang=zh`);
      await page.waitForSelector('.maplibregl-cooperative-gesture-screen', { state: 'attached', timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await page.locator('#target-slider').count(), 0);
      assert.match(await page.locator('[data-testid="summary"]').innerText(), /亿元/);
    },
  },
];
