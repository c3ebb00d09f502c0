import assert from 'node:assert/strict';
import { bundled } from './expected.mjs';

export const tests = [
  {
    name: "a teacher's own slides: saved views stepped through with the arrow keys, and carried by a link",
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&target=210`);
      await waitForPlan();
      const dialog = page.locator('dialog[open]');
      await page.getByRole('button', { name: 'Lesson' }).click();
      await dialog.getByRole('button', { name: 'Add this view' }).click();
      await page.keyboard.press('Escape');
      await page.locator('#target-slider').fill('175');
      await page.getByLabel('Local control').check();
      await page.getByRole('button', { name: 'Lesson' }).click();
      await dialog.getByRole('button', { name: 'Add this view' }).click();
      assert.match(await dialog.locator('[data-testid="deck"]').innerText(), /210\.0\u00a0μg\/m³ · Beijing · Compare both[\s\S]*175\.0\u00a0μg\/m³ · Beijing · Local control/);
      await dialog.getByRole('button', { name: 'Start your 2 slides' }).click();
      const lesson = page.locator('[data-testid="lesson"]');
      assert.match(await lesson.innerText(), /Slide 1 of 2[\s\S]*Your slide 1/);
      assert.equal(await page.locator('#target-slider').inputValue(), '210');
      await page.locator('body').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.locator('#target-slider').inputValue(), '175');
      await page.waitForFunction(() => document.querySelector('[data-testid="summary"]').textContent.startsWith('Local control cannot reach'));
      await page.waitForURL(/deck=.*slide=2/);
      // The link alone (a fresh browser, no saved slides) opens the same deck.
      const link = page.url();
      const fresh = await page.context().browser().newContext();
      const other = await fresh.newPage();
      await other.goto(link);
      await other.locator('[data-testid="lesson"]').waitFor();
      assert.match(await other.locator('[data-testid="lesson"]').innerText(), /Slide 2 of 2/);
      assert.equal(await other.locator('#target-slider').inputValue(), '175');
      await fresh.close();
    },
  },
  {
    name: 'lesson link in Chinese on a projector: arrow keys step through the slides',
    viewport: { width: 1920, height: 1080 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?slide=1&theme=projector&lang=zh`);
      await waitForPlan();
      const lesson = page.locator('[data-testid="lesson"]');
      assert.match(await lesson.innerText(), /第 1 页/);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'projector');
      // The first slide shows the status quo: the target at Beijing's baseline in the dataset.
      assert.equal(await page.locator('#target-slider').inputValue(), String(bundled.receptors.find((r) => r.id === 'beijing').baseline));
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('ArrowRight');
      assert.match(await lesson.innerText(), /第 2 页[\s\S]*北京属地控制/);
      assert.equal(await page.locator('#target-slider').inputValue(), '196.7');
      await page.waitForFunction(() => document.querySelector('[data-testid="summary"]').textContent.startsWith('属地控制'));
      await page.waitForURL(/slide=2/);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      assert.match(await lesson.innerText(), /第 2 页/);
    },
  },
  {
    name: 'the lesson button starts the lesson in the projector theme',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.getByRole('button', { name: 'Lesson' }).click();
      await page.getByRole('button', { name: 'Start the built-in lesson' }).click();
      assert.match(await page.locator('[data-testid="lesson"]').innerText(), /Slide 1 of \d/);
      await page.getByRole('button', { name: 'End lesson' }).click();
      assert.equal(await page.locator('[data-testid="lesson"]').count(), 0);
    },
  },
];
