import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'lesson link in Chinese on a projector: arrow keys step through the slides',
    viewport: { width: 1920, height: 1080 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?slide=1&theme=projector&lang=zh`);
      await waitForPlan();
      const lesson = page.locator('[data-testid="lesson"]');
      assert.match(await lesson.innerText(), /第 1 页/);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'projector');
      assert.equal(await page.locator('#target-slider').inputValue(), '225');
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('ArrowRight');
      assert.match(await lesson.innerText(), /第 2 页[\s\S]*北京各自为战/);
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
      assert.match(await page.locator('[data-testid="lesson"]').innerText(), /Slide 1 of \d/);
      await page.getByRole('button', { name: 'End lesson' }).click();
      assert.equal(await page.locator('[data-testid="lesson"]').count(), 0);
    },
  },
];
