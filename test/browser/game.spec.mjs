// Shared Sky: the teacher's page plays a 3-province game through the four rounds with codes typed
// from the players' own pages, a reload mid-game and mistyped codes; figures come from the CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { literal, yuan } from './expected.mjs';
import { assertNoViolations } from './a11y.spec.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `npm run cli -- game --players provinces --levels ... --json` on the default dataset. */
const scored = (levels, players = 'provinces') => JSON.parse(execFileSync(`${ROOT}/node_modules/.bin/tsx`, ['src/cli/main.ts', 'game', '--players', players, '--levels', levels, '--json'], { cwd: ROOT, encoding: 'utf8' }));

const returning = (page) => page.addInitScript(() => localStorage.setItem('airshed:intro-seen', '1'));

/** The code a player's page gives for a level in a round. */
async function codeFrom(player, round, level) {
  await player.locator('[data-testid="player-round"]').selectOption(String(round));
  await player.locator(`[data-testid="player-level"][value="${level}"]`).check();
  return (await player.locator('[data-testid="player-code"]').innerText()).trim();
}

/** Types a code on the teacher's page and returns the message it answers with (once it has changed, or the replace question is asked). */
async function type(page, code) {
  const message = page.locator('[data-testid="ballot-message"]');
  const before = await message.innerText();
  await page.locator('[data-testid="ballot-code"]').fill(code);
  await page.getByRole('button', { name: 'Enter ballot' }).click();
  await page.waitForFunction((b) => {
    const now = document.querySelector('[data-testid="ballot-message"]')?.textContent?.trim() ?? '';
    return (now && now !== b) || document.querySelector('[data-testid="replace-yes"]');
  }, before.trim());
  return message.innerText();
}

async function vote(page, players, round, levels) {
  for (let i = 0; i < levels.length; i++) assert.match(await type(page, await codeFrom(players[i], round, levels[i])), /Ballot accepted for/);
}

async function closeRound(page, n) {
  await page.locator('[data-testid="close-round"]').click();
  await page.locator('[data-testid="round-results"]').nth(n - 1).waitFor();
  return page.locator('[data-testid="round-results"]').nth(n - 1);
}

export const tests = [
  {
    name: 'game: a 3-province Shared Sky game through four rounds, typed codes, a reload and mistyped codes',
    viewport: { width: 1400, height: 1000 },
    async run({ page, origin }) {
      await returning(page);
      await page.goto(`${origin}/?view=game&lang=en`);
      await page.locator('[data-testid="game-start"]').click();
      await page.locator('[data-testid="game-round"]').waitFor();
      assert.match(await page.locator('[data-testid="game-round"]').innerText(), /Round 1 of 4: Each for itself/);
      const links = await page.locator('[data-testid="player-link"]').evaluateAll((as) => as.map((a) => a.href));
      assert.equal(links.length, 3);
      const players = [];
      for (const href of links) {
        const player = await page.context().newPage();
        await player.goto(href);
        await player.locator('[data-testid="player-title"]').waitFor({ timeout: 20_000 });
        players.push(player);
      }
      assert.match(await players[0].locator('[data-testid="player-title"]').innerText(), /you are Beijing/);

      // Round 1, each for itself: the Nash levels. A mistyped code and a stray O are refused first.
      const nash = scored('nash');
      const first = await codeFrom(players[0], 1, nash.nash.levels[0]);
      const typo = first.slice(0, 2) + (first[2] === 'A' ? 'B' : 'A') + first.slice(3);
      assert.match(await type(page, typo), /Refused: this code has a typing mistake/);
      assert.match(await type(page, `O${first.slice(1)}`), /Refused: “O” \(character 1\) is not used in ballot codes/);
      assert.match(await type(page, first.slice(0, 5)), /7 characters; this one has 5/);
      assert.match(await type(page, await codeFrom(players[1], 2, 1)), /for round 2; the game is in round 1/);
      assert.match(await page.locator('[data-testid="ballot-status"]').innerText(), /Ballots in: 0 of 3/);
      await vote(page, players, 1, nash.nash.levels);
      const r1 = await closeRound(page, 1);
      assert.match(await r1.innerText(), new RegExp(literal(`Price of anarchy: ${yuan(nash.priceOfAnarchy)} a year`)));
      assert.ok(nash.priceOfAnarchy > 0);
      // The debrief names the model's prediction, which the class just played.
      const predicted = ['Beijing', 'Tianjin', 'Hebei'].map((p, i) => `${p} ${nash.nash.levels[i]}`).join(', ');
      assert.match(await page.locator('[data-testid="prediction"]').innerText(), new RegExp(literal(`each for itself, the parties choose ${predicted}`)));
      assert.equal(await page.locator('[data-testid="self-benefit"] tbody tr').count(), 3);

      // Round 2: pledges, then ballots; a reload in the middle loses nothing.
      assert.match(await page.locator('[data-testid="game-round"]').innerText(), /Round 2 of 4: Pledges, then ballots/);
      const pledges = page.locator('[data-testid="pledge"]');
      for (const [i, l] of [2, 3, 3].entries()) await pledges.nth(i).selectOption(String(l));
      await vote(page, players.slice(0, 2), 2, [2, 1]);
      await page.reload();
      await page.locator('[data-testid="ballot-status"]').waitFor();
      assert.match(await page.locator('[data-testid="ballot-status"]').innerText(), /Ballots in: 2 of 3/);
      assert.equal(await pledges.nth(1).inputValue(), '3');
      // A second ballot for the same player replaces the first only when the teacher confirms.
      await type(page, await codeFrom(players[1], 2, 0));
      assert.match(await page.getByRole('alertdialog').innerText(), /Tianjin already has a ballot this round/);
      // Keyboard-only: the question has the focus, Enter answers it, the code field is next.
      await page.locator('[data-testid="replace-yes"]:focus').waitFor();
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'ballot-code');
      assert.match(await page.locator('[data-testid="ballot-message"]').innerText(), /Ballot for Tianjin replaced/);
      assert.match(await type(page, await codeFrom(players[2], 2, 3)), /Ballot accepted for Hebei/);
      const r2 = await closeRound(page, 2);
      const r2text = await r2.innerText();
      assert.match(r2text, /Tianjin\s+3 \(below its pledge\)\s+0/);
      assert.match(r2text, new RegExp(literal(`Price of anarchy: ${yuan(scored('2,0,3').priceOfAnarchy)} a year`)));

      // Round 3: a side payment registered by the teacher; the cooperative levels.
      await page.locator('[data-testid="pay-from"]').selectOption({ label: 'Beijing' });
      await page.locator('[data-testid="pay-to"]').selectOption({ label: 'Tianjin' });
      await page.locator('[data-testid="pay-amount"]').fill('2000');
      await page.getByRole('button', { name: 'Register payment' }).click();
      assert.match(await page.locator('[data-testid="payments"]').innerText(), /Beijing pays Tianjin 2 bn yuan/);
      const coop = scored('cooperative');
      await vote(page, players, 3, coop.round.levels);
      const r3 = await closeRound(page, 3);
      assert.match(await r3.innerText(), /Price of anarchy: 0 yuan a year/);
      assert.match(await r3.innerText(), new RegExp(`Tianjin[^\\n]*${literal(yuan(2e9))}`));

      // Round 4: the fund shares the cost by population.
      await page.getByLabel('By population').check();
      await vote(page, players, 4, coop.round.levels);
      await closeRound(page, 4);
      assert.match(await page.locator('[data-testid="game-over"]').innerText(), /All rounds are played/);
      assert.equal(await page.locator('[data-testid="debrief"] tbody tr').count(), 4);

      // The export: one row per party and round, formula-safe.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
      const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(csv.length, 1 + 4 * 3);
      assert.match(csv[0], /^round,kind,player,/);
      for (const line of csv) for (const cell of line.split(',')) assert.doesNotMatch(cell, /^[=+@]|^-(?!\d)/);
      for (const player of players) await player.close();
    },
  },
  {
    name: 'game: axe finds no violations on the teacher\'s page (set-up, a round, its results) and a player\'s page, in both languages',
    viewport: { width: 1400, height: 1000 },
    async run({ page, origin }) {
      await returning(page);
      page.on('dialog', (dialog) => dialog.accept());
      for (const lang of ['en', 'zh']) {
        await page.goto(`${origin}/?view=game&lang=${lang}`);
        await page.locator('[data-testid="game-start"]').waitFor();
        await assertNoViolations(page, `the game's set-up (${lang})`);
        await page.locator('[data-testid="game-start"]').click();
        await page.locator('details summary').click();
        const links = await page.locator('[data-testid="player-link"]').evaluateAll((as) => as.map((a) => a.href));
        const codes = [];
        for (const [i, href] of links.entries()) {
          const player = await page.context().newPage();
          await player.goto(href);
          assert.match(href, new RegExp(`\\?lang=${lang}#play=`));
          await player.locator('[data-testid="player-title"]').waitFor({ timeout: 20_000 });
          codes.push(await codeFrom(player, 1, i));
          if (i === 0) await assertNoViolations(player, `a player's page (${lang})`);
          await player.close();
        }
        await page.locator('[data-testid="ballot-code"]').fill('ABC');
        await page.locator('form.ballot button[type="submit"]').click();
        await page.locator('[data-testid="ballot-message"]:not(:empty)').waitFor();
        await assertNoViolations(page, `a round with a refused code (${lang})`);
        for (const code of codes) {
          await page.locator('[data-testid="ballot-code"]').fill(code);
          await page.locator('form.ballot button[type="submit"]').click();
        }
        await page.locator('[data-testid="close-round"]:enabled').click();
        await page.locator('[data-testid="round-results"]').waitFor();
        await assertNoViolations(page, `a round's results (${lang})`);
        await page.locator('[data-testid="game-reset"]').click();
        await page.locator('[data-testid="game-start"]').waitFor();
      }
    },
  },
  {
    name: 'game: 13 cities play the each-for-itself round; the results and the price of anarchy match the CLI',
    viewport: { width: 1600, height: 1000 },
    async run({ page, origin }) {
      await returning(page);
      await page.goto(`${origin}/?view=game&lang=en`);
      await page.getByLabel('13 cities').check();
      await page.locator('[data-testid="game-start"]').click();
      const links = await page.locator('[data-testid="player-link"]').evaluateAll((as) => as.map((a) => a.href));
      assert.equal(links.length, 13);
      const nash = scored('nash', 'cities');
      // One phone at a time: each opens its link, picks its Nash level, and its code is typed in.
      for (const [i, href] of links.entries()) {
        const player = await page.context().newPage();
        await player.goto(href);
        await player.locator('[data-testid="player-title"]').waitFor({ timeout: 20_000 });
        assert.match(await type(page, await codeFrom(player, 1, nash.nash.levels[i])), /Ballot accepted for/);
        await player.close();
      }
      assert.match(await page.locator('[data-testid="ballot-status"]').innerText(), /Ballots in: 13 of 13/);
      const results = await closeRound(page, 1);
      assert.equal(await results.locator('tbody tr').count(), 13);
      assert.match(await results.innerText(), new RegExp(literal(`Price of anarchy: ${yuan(nash.priceOfAnarchy)} a year`)));
    },
  },
  {
    name: 'game: a stored game that is broken or tampered with is set aside, and the set-up is offered',
    async run({ page, origin }) {
      await returning(page);
      await page.goto(`${origin}/?view=game&lang=en`);
      await page.locator('[data-testid="game-start"]').click();
      await page.locator('[data-testid="game-round"]').waitFor();
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('airshed:game')));
      for (const bad of [
        '{not json',
        JSON.stringify({ ...stored, rounds: stored.rounds.map((r, i) => (i === 2 ? { ...r, payments: [{ from: 'atlantis', to: 'beijing', amount: 1 }] } : r)) }),
        JSON.stringify({ ...stored, damage: 1000 }),
      ]) {
        await page.evaluate((text) => localStorage.setItem('airshed:game', text), bad);
        await page.reload();
        await page.locator('[data-testid="game-start"]').waitFor();
      }
      await page.evaluate((text) => localStorage.setItem('airshed:game', text), JSON.stringify(stored));
      await page.reload();
      await page.locator('[data-testid="game-round"]').waitFor();
    },
  },
];
