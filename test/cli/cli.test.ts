import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { calibratedDataset } from '../fixtures';
import { beijingTarget, uncertainDataset } from '../uncertainty-fixture';

/** Runs the CLI on the calibrated dataset (its figures are stable) unless the call names one. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const withData = args.includes('--data') || ['validate', 'help'].includes(args[0]) ? args : [...args, '--data', 'bth-ozone-calibrated'];
  const code = await runCli(withData, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'airshed-')), name);
  writeFileSync(path, text);
  return path;
}

describe('cli solve --json', () => {
  it('prints one JSON object with the documented fields', async () => {
    const { code, out } = await cli('solve', '--target', '196.7', '--scenario', 'local', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.feasible).toBe(true);
    expect(Math.abs(json.totalCost / 2.046e9 - 1)).toBeLessThan(0.05);
    expect(json.ozone.beijing).toBeCloseTo(196.7, 6);
    expect(json.marginalCost.beijing).toBeGreaterThan(0);
    expect(json.byJurisdiction.beijing).toMatchObject({ cost: expect.any(Number), cutTonnes: { NOx: expect.any(Number), VOC: expect.any(Number) } });
    expect(Object.keys(json.byJurisdiction)).toHaveLength(13);
  });

  it('reports an infeasible target as feasible: false with the best reachable ozone', async () => {
    const { code, out } = await cli('solve', '--target', '170', '--scenario', 'local', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ feasible: false, totalCost: null });
    expect(json.infeasibility[0].bestReachable).toBeGreaterThan(170);
  });

  it('constrains several receptors, or all', async () => {
    const some = JSON.parse((await cli('solve', '--target', '205', '--scenario', 'regional', '--receptors', 'beijing,tianjin', '--json')).out);
    expect(Object.keys(some.targets)).toEqual(['beijing', 'tianjin']);
    const all = JSON.parse((await cli('solve', '--target', '205', '--scenario', 'regional', '--receptors', 'all', '--json')).out);
    expect(Object.keys(all.targets)).toHaveLength(13);
    expect(all.totalCost).toBeGreaterThanOrEqual(some.totalCost);
  });
});

describe('cli targets below the baseline', () => {
  it('solves for --cut percent or --below μg/m³ under each receptor\'s baseline', async () => {
    const baseline = calibratedDataset().receptors[0].baseline;
    const cut = JSON.parse((await cli('solve', '--cut', '10', '--scenario', 'regional', '--json')).out);
    expect(cut.targets.beijing).toBeCloseTo(0.9 * baseline, 9);
    expect(cut.ozone.beijing).toBeCloseTo(0.9 * baseline, 6);
    const below = JSON.parse((await cli('solve', '--below', '20', '--scenario', 'regional', '--json')).out);
    expect(below.targets.beijing).toBeCloseTo(baseline - 20, 9);
    const level = JSON.parse((await cli('solve', '--target', String(baseline - 20), '--scenario', 'regional', '--json')).out);
    expect(below.totalCost).toBeCloseTo(level.totalCost, 0);
  });
});

describe('cli hindcast', () => {
  it('prints each evidence case, observed beside modelled, in the dataset\'s units', async () => {
    const { code, out } = await cli('hindcast', '--data', 'bth-ozone', '--json');
    expect(code).toBe(0);
    const { dataset, cases } = JSON.parse(out);
    expect(dataset.id).toBe('bth-ozone');
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) {
      expect(c).toMatchObject({ id: expect.any(String), units: 'ug/m3 at 298.15 K', ref: expect.any(String), modelled: { change: expect.any(Number) }, observed: { direction: expect.stringMatching(/^(rose|fell|flat)$/) } });
      expect(['agrees', 'disagrees', 'by-construction']).toContain(c.agreement);
    }
    expect(cases.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['beijing-2013-2015', 'olympics-urban', 'beijing-2015-2021']));
  });

  it('says so in words, naming where the model disagrees', async () => {
    const { code, out } = await cli('hindcast', '--data', 'bth-ozone');
    expect(code).toBe(0);
    expect(out).toMatch(/^Hindcast: .* \(ug\/m3 at 298\.15 K\)\./);
    expect(out).toMatch(/Beijing's own cuts, 2013→2015: observed rose; modelled \+\d+\.\d μg\/m³ \(\+\d+\.\d%\): same direction\./);
    expect(out).toMatch(/2008 Olympics, urban Beijing: observed rose; modelled -\d+\.\d μg\/m³ .*: DISAGREES\./);
    const none = await cli('hindcast');
    expect(none.out).toMatch(/lists no evidence cases/);
  });
});

describe('cli sweep and export-lp', () => {
  it('prints a CSV row per target with both costs and the saving', async () => {
    const { code, out } = await cli('sweep', '--from', '218', '--to', '163', '--step', '1');
    expect(code).toBe(0);
    const lines = out.split('\n');
    // The page's CSV header and writer, without the BOM and with LF line ends.
    expect(lines[0]).toBe('target_ug_m3,local_yuan,regional_yuan,saving_yuan,marginal_local_yuan_per_ug_m3,marginal_regional_yuan_per_ug_m3,equal_effort_yuan');
    expect(lines).toHaveLength(1 + 56);
    const last = lines.at(-1)!.split(',');
    expect(last[0]).toBe('163');
    expect(last[1]).toBe('');
    expect(Number(last[2])).toBeGreaterThan(0);
  });

  it('prints JSON rows with null where infeasible', async () => {
    const json = JSON.parse((await cli('sweep', '--from', '200', '--to', '170', '--step', '10', '--format', 'json')).out);
    expect(json.rows.map((r: { target: number }) => r.target)).toEqual([200, 190, 180, 170]);
    expect(json.rows[3].local).toBeNull();
  });

  it('exports the LP', async () => {
    const { code, out } = await cli('export-lp', '--target', '196.7', '--scenario', 'regional');
    expect(code).toBe(0);
    expect(out).toMatch(/Minimize[\s\S]*Subject To[\s\S]*Bounds[\s\S]*End$/);
  });
});

describe('cli validate', () => {
  it('summarises a valid file', async () => {
    const path = tempFile('ok.json', JSON.stringify(calibratedDataset()));
    const { code, out } = await cli('validate', path);
    expect(code).toBe(0);
    expect(out).toMatch(/is valid: .* 13 jurisdictions, 104 sources/);
  });

  it('lists every problem and exits 1', async () => {
    const d = calibratedDataset() as any;
    d.sources[0].emissions = -1;
    d.coefficients.pop();
    const { code, err } = await cli('validate', tempFile('bad.json', JSON.stringify(d)));
    expect(code).toBe(1);
    expect(err).toMatch(/2 problem\(s\)/);
    expect(err).toContain('sources[0].emissions: must be a finite number >= 0, got -1');
    expect(err).toContain('coefficients: must have one row per receptor (13), got 12');
  });
});

describe('cli share', () => {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it('prints one JSON object with the split, the transfers, the core check and the extras', async () => {
    // Only Beijing's target in the game (named): Tianjin and Hebei need nothing of their own.
    const { code, out } = await cli('share', '--target', '196.7', '--rule', 'shapley', '--receptors', 'beijing', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ rule: 'shapley', mode: 'provinces', unit: 'yuan/yr' });
    expect(Math.abs(json.totalCost / 0.572e9 - 1)).toBeLessThan(0.05);
    expect(json.players.map((p: { id: string }) => p.id)).toEqual(['beijing', 'tianjin', 'hebei']);
    for (const p of json.players)
      expect(p).toMatchObject({ responsibility: expect.any(Number), task: expect.any(Number), payment: expect.any(Number), standAlone: expect.any(Number), saving: expect.any(Number), worseOff: expect.any(Boolean) });
    const payments = json.players.map((p: { payment: number }) => p.payment);
    expect(Math.abs(sum(payments))).toBeLessThan(1e-6 * json.totalCost);
    expect(sum(json.flows.map((f: { amount: number }) => f.amount))).toBeCloseTo(json.totalPaid, 3);
    // Beijing alone pays its local cost; Tianjin and Hebei have no target, so their Shapley values are negative.
    expect(Math.abs(json.players[0].standAlone / 2.046e9 - 1)).toBeLessThan(0.05);
    expect(json.players[1].responsibility).toBeLessThan(0);
    expect(json.core.inCore).toBe(false);
    expect(json.core.blocking[0].members).toEqual(['beijing', 'hebei']);
    expect(json.shapley.inCore).toBe(false);
    expect(json.equalCut).toMatchObject({ feasible: true, fraction: expect.any(Number) });
    expect(json.game.table).toHaveLength(7);
    expect(json.fund).toBeUndefined();
  });

  it('carries the game definition, damage prices, every v(S) with its damage use and the equal-effort cost (default dataset, every place a target)', async () => {
    const at = async (...target: string[]) => JSON.parse((await cli('share', ...target, '--rule', 'nucleolus', '--data', 'bth-ozone', '--json')).out);
    const easy = await at('--target', '196.7');
    expect(easy.targets).toHaveLength(13);
    expect(easy).toMatchObject({ definition: 'targets', game: { definition: 'targets', damage: { coalitionsUsing: 0 } } });
    expect(easy.game.table).toHaveLength(7);
    expect(easy.game.table.every((row: { usedDamage: boolean }) => !row.usedDamage)).toBe(true);
    expect(easy.equalEffort.cost).toBeGreaterThan(easy.totalCost);
    expect(easy.equalEffort.saving).toBeCloseTo(easy.equalEffort.cost - easy.totalCost, 0);
    const hard = await at('--cut', '10');
    expect(hard.definition).toBe('targets+damage');
    expect(Object.keys(hard.game.damage.price)).toHaveLength(13);
    expect(Math.max(...Object.values(hard.game.damage.price as Record<string, number>))).toBeLessThanOrEqual(hard.game.damage.cap);
    expect(hard.game.table.filter((row: { usedDamage: boolean }) => row.usedDamage)).toHaveLength(hard.game.damage.coalitionsUsing);
    expect(hard.equalEffort).toMatchObject({ cost: null, reason: expect.stringMatching(/Tianjin stays at 181\.0/) });
  });

  it('shares by the nucleolus, which is in the core, and says so in words', async () => {
    const json = JSON.parse((await cli('share', '--target', '196.7', '--rule', 'nucleolus', '--json')).out);
    expect(json.rule).toBe('nucleolus');
    expect(json.core).toMatchObject({ inCore: true, efficient: true, blockingCount: 0 });
    expect(json.nucleolus).toMatchObject({ inCore: true, coreNonEmpty: true });
    expect(json.players.map((p: { responsibility: number }) => p.responsibility)).toEqual(json.nucleolus.values);
    const { code, out } = await cli('share', '--target', '196.7', '--rule', 'nucleolus');
    expect(code).toBe(0);
    expect(out).toMatch(/rule nucleolus\./);
    expect(out).toMatch(/cooperation saves .* which the rule shares out\./);
    expect(out).toMatch(/This split is in the core/);
    expect(out).toMatch(/Shapley value: .*; not in the core\./);
  });

  it('shares among the 13 cities, with a fund', async () => {
    const { code, out } = await cli('share', '--target', '196.7', '--rule', 'gdp', '--players', 'cities', '--fund', 'emissions=1,contribution=1,gdp=0,benefit=1', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.players).toHaveLength(13);
    expect(json.game.coalitions).toBe(8191);
    expect(json.game.table).toHaveLength(8191);
    expect(json.players.every((p: { share: number }) => p.share >= 0)).toBe(true);
    expect(json.fund.weights).toEqual({ emissions: 1 / 3, contribution: 1 / 3, gdp: 0, benefit: 1 / 3 });
    expect(Math.abs(json.fund.balance)).toBeLessThan(1e-6 * json.totalCost);
  });

  it('prints a table without --json', async () => {
    const { code, out } = await cli('share', '--target', '196.7', '--rule', 'population', '--receptors', 'beijing,tianjin', '--fund', 'gdp=1');
    expect(code).toBe(0);
    expect(out).toMatch(/^Who pays to meet Beijing 196\.7 μg\/m³, Tianjin 196\.7 μg\/m³: provinces, rule population\./);
    expect(out).toMatch(/Player\s+share\s+responsible\s+task\s+payment\s+alone\s+saving/);
    expect(out).toMatch(/\nHebei .* worse off by /);
    expect(out).toMatch(/Regional fund \(emissions 0%, contribution 0%, gdp 100%, benefit 0%\)/);
  });

  it('says when no equal-proportion cut can meet the target', async () => {
    const d = calibratedDataset();
    d.coefficients[0][0][0] = -0.1; // Beijing's NOx cuts now raise its ozone more than any cuts can lower it
    const path = tempFile('titration.json', JSON.stringify(d));
    const { code, err } = await cli('share', '--target', '196.7', '--rule', 'equal', '--data', path);
    expect(code).toBe(2);
    expect(err).toMatch(/No equal-proportion cut meets the targets/);
    expect((await cli('share', '--target', '196.7', '--rule', 'shapley', '--data', path)).code).toBe(0);
  });
});

describe('cli errors are one paragraph, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['non-numeric target', ['solve', '--target', 'abc', '--scenario', 'local'], /--target must be a number, got "abc"/],
    ['missing target', ['solve', '--scenario', 'local'], /--target is required/],
    ['bad scenario', ['solve', '--target', '190', '--scenario', 'both'], /--scenario must be local, regional, equal/],
    ['unknown receptor', ['solve', '--target', '190', '--scenario', 'local', '--receptors', 'paris'], /Unknown receptor\(s\) "paris"/],
    ['unknown option', ['solve', '--target', '190', '--bogus'], /Unknown option '--bogus'/],
    ['unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['missing data file', ['solve', '--target', '190', '--scenario', 'local', '--data', '/nonexistent.json'], /Cannot read the dataset \/nonexistent.json: ENOENT/],
    ['zero sweep step', ['sweep', '--step', '0'], /positive step/],
    ['bad format', ['sweep', '--format', 'xml'], /--format must be csv or json/],
    ['share without a rule', ['share', '--target', '196.7'], /--rule is required: one of nucleolus, shapley, chander-tulkens, equal, contribution, gdp, population/],
    ['unknown rule', ['share', '--target', '196.7', '--rule', 'fair'], /--rule must be one of .*, got "fair"/],
    ['unknown players', ['share', '--target', '196.7', '--rule', 'gdp', '--players', 'counties'], /--players must be one of provinces, cities, got "counties"/],
    ['malformed fund', ['share', '--target', '196.7', '--rule', 'gdp', '--fund', 'wealth=1'], /--fund takes name=weight pairs/],
    ['negative fund weight', ['share', '--target', '196.7', '--rule', 'gdp', '--fund', 'gdp=-1'], /--fund weight for gdp must be a number >= 0/],
    ['all-zero fund', ['share', '--target', '196.7', '--rule', 'gdp', '--fund', 'gdp=0'], /fund weights are all zero/],
    ['share target the basin cannot meet', ['share', '--target', '90', '--rule', 'gdp'], /Burden sharing needs targets the whole basin can meet together/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const { code, err, out } = await cli(...args);
    expect(code).not.toBe(0);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  it('rejects malformed JSON data with its parse error', async () => {
    const { code, err } = await cli('solve', '--target', '190', '--scenario', 'local', '--data', tempFile('broken.json', '{nope'));
    expect(code).toBe(1);
    expect(err).toMatch(/not valid JSON/);
  });
});

describe('cli --data', () => {
  it('uses the literature-grounded default unless a bundled id or a file is named', async () => {
    const grounded = JSON.parse((await cli('solve', '--target', '205', '--scenario', 'regional', '--json', '--data', 'bth-ozone')).out);
    const runDefault = await runCli(['solve', '--target', '205', '--scenario', 'regional', '--json'], { out: (t) => expect(JSON.parse(t).totalCost).toBe(grounded.totalCost), err: () => {} });
    expect(runDefault).toBe(0);
    const calibrated = JSON.parse((await cli('solve', '--target', '205', '--scenario', 'regional', '--json')).out);
    expect(calibrated.totalCost).not.toBe(grounded.totalCost);
  });

  it('warns on stderr, without failing, when a dataset fails the physical consistency check', async () => {
    const { code, out, err } = await cli('validate', 'bth-ozone-calibrated');
    expect(code).toBe(0);
    expect(out).toMatch(/is valid/);
    expect(err).toMatch(/warning: .*physically implausible[\s\S]*receptors\[0\]: cutting every tonne .* ratio \d+\.\d+, above the physical limit of 2/);
    expect((await cli('validate', 'bth-ozone')).err).toBe('');
  });
});

describe('cli uncertainty', () => {
  const dataset = uncertainDataset();
  const path = tempFile('uncertain.json', JSON.stringify(dataset));
  const target = String(beijingTarget(dataset));
  const run = (...args: string[]) => cli('uncertainty', '--target', target, '--data', path, ...args);

  it('prints the report and the tornado as JSON, the same for the same seed', async () => {
    const { code, out, err } = await run('--draws', '200', '--seed', '3', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out);
    expect(Object.keys(json).sort()).toEqual(['report', 'tornado']);
    const { report } = json;
    expect(report).toMatchObject({ draws: 200, seed: 3, targets: [{ receptor: 'beijing', target: Number(target) }], fixed: {} });
    expect(report.inputs).toEqual(dataset.uncertainty!.map((u) => u.id));
    const summary = { n: expect.any(Number), mean: expect.any(Number), p5: expect.any(Number), p50: expect.any(Number), p95: expect.any(Number) };
    for (const part of [report.regional, report.local, ...['regional', 'local', 'ratio', 'saving'].map((key) => report.paired[key])]) expect(part).toMatchObject(summary);
    expect(report.nominal).toMatchObject({ regional: expect.any(Number), local: expect.any(Number), ratio: expect.any(Number), saving: expect.any(Number) });
    expect(report.reach).toEqual({ regional: 1 - report.infeasible.regional / 200, local: 1 - report.infeasible.local / 200 });
    expect(Object.keys(report.reachByInput)).toEqual(report.inputs);
    expect(report.infeasible).toMatchObject({ local: expect.any(Number), regional: expect.any(Number) });
    expect(Object.keys(report.cutShares)).toHaveLength(13);
    expect(Object.keys(report.shapleyShares)).toEqual(['beijing', 'tianjin', 'hebei']);
    expect(json.tornado.rows).toHaveLength(dataset.uncertainty!.length);
    expect(json.tornado.rows[0]).toMatchObject({ input: expect.any(String), low: expect.any(Number), high: expect.any(Number), swing: expect.any(Number) });
    expect((await run('--draws', '200', '--seed', '3', '--json')).out).toBe(out);
    expect(JSON.parse((await run('--draws', '200', '--seed', '4', '--json')).out).report.regional).not.toEqual(report.regional);
  });

  it('holds --set inputs at their values', async () => {
    const { code, out } = await run('--draws', '20', '--set', 'cost-beijing=2, background=-5', '--json');
    expect(code).toBe(0);
    const { report, tornado } = JSON.parse(out);
    expect(report.fixed).toEqual({ 'cost-beijing': 2, background: -5 });
    expect(report.inputs).not.toContain('cost-beijing');
    expect(tornado.rows.map((r: { input: string }) => r.input)).not.toContain('background');
  });

  it('counts a target below the background as infeasible in every draw', async () => {
    const { code, out } = await cli('uncertainty', '--target', '20', '--data', path, '--draws', '10', '--json');
    expect(code).toBe(0);
    const { report } = JSON.parse(out);
    expect(report.infeasible).toEqual({ local: 10, regional: 10 });
    expect(report.regional).toBeNull();
  });

  it('takes the target as a cut below the baseline, re-resolved in every draw', async () => {
    const { code, out } = await cli('uncertainty', '--cut', '5', '--data', path, '--draws', '30', '--json');
    expect(code).toBe(0);
    const { report } = JSON.parse(out);
    expect(report.spec).toEqual({ kind: 'cut', value: 5 });
    expect(report.targets[0].target).toBeCloseTo(0.95 * dataset.receptors[0].baseline, 9);
  });

  it('prints the headline numbers with their 90% ranges and the top of the tornado', async () => {
    const { code, out } = await run('--draws', '200');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^Uncertainty in meeting Beijing ${Number(target).toFixed(1)} μg/m³\\.\nAt the dataset's own values: regional [\\d.]+ (bn|m) yuan, local [\\d.]+ (bn|m) yuan\\.\n200 draws \\(seed 1\\) over ${dataset.uncertainty!.length} uncertain input\\(s\\)\\.`));
    // Reach first, then every interval says which draws it covers.
    expect(out).toMatch(/\nReach: regional control meets the target\(s\) in \d+\.\d% of draws, local control in \d+\.\d%\.\n/);
    expect(out).toMatch(/\n {2}regional control +[\d.]+ (bn|m) yuan \(90% of those draws [\d.]+ (bn |m )?yuan–[\d.]+ (bn|m) yuan; n = 200\)\n/);
    expect(out).toMatch(/\nOver the draws in which both meet them \(the same draws, so comparable\):\n/);
    expect(out).toMatch(/\n {2}ratio +\d+\.\d\d× \(90% of those draws \d+\.\d\d×–\d+\.\d\d×; n = \d+\)/);
    const rows = out.split('What moves the result most')[1].split('\n').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^ {2}.+ \([\d.]+–[\d.]+ .*\): saving .+ -> .+; swing [\d.]+ (bn|m) yuan$/);
  });

  const cases: [string, string[], RegExp][] = [
    ['no target', [], /--target is required/],
    ['zero draws', ['--target', '200', '--draws', '0'], /--draws must be a whole number from 1 to 10000, got "0"/],
    ['fractional draws', ['--target', '200', '--draws', '2.5'], /--draws must be a whole number from 1 to 10000, got "2.5"/],
    ['too many draws', ['--target', '200', '--draws', '10001'], /--draws must be a whole number from 1 to 10000/],
    ['non-numeric draws', ['--target', '200', '--draws', 'many'], /--draws must be a number, got "many"/],
    ['fractional seed', ['--target', '200', '--seed', '1.5'], /--seed must be a whole number from 1 to 2147483647, got "1.5"/],
    ['a seed a link cannot carry', ['--target', '200', '--seed', '4294967295'], /--seed must be a whole number from 1 to 2147483647/],
    ['two targets', ['--target', '200', '--cut', '10'], /--target and --cut disagree: give one of them/],
    ['a cut of all the ozone', ['--cut', '100'], /--cut must be above 0 and below 100 \(percent\), got "100"/],
    ['negative seed', ['--target', '200', '--seed=-1'], /--seed must be a whole number/],
    ['malformed --set', ['--target', '200', '--set', 'cost-beijing'], /--set takes id=value pairs separated by commas; got "cost-beijing"/],
    ['non-numeric --set value', ['--target', '200', '--set', 'cost-beijing=high'], /--set value for cost-beijing must be a number, got "high"/],
    ['unknown --set input', ['--target', '200', '--set', 'bogus=1'], /^airshed: --set: Unknown uncertain input "bogus"; known: emissions-power, /],
    ['out-of-range --set value', ['--target', '200', '--set', 'cost-beijing=5'], /^airshed: --set: cost-beijing must lie between 0.5 and 2 ×, got 5\./],
    ['a --set input named twice', ['--target', '200', '--set', 'cost-beijing=1,cost-beijing=2'], /^airshed: --set names "cost-beijing" twice: give each input once\./],
    ['a --set input named __proto__', ['--target', '200', '--set', '__proto__=1'], /^airshed: --set: Unknown uncertain input "__proto__"/],
  ];
  it.each(cases)('%s is one clear message', async (_, args, message) => {
    const { code, err, out } = await cli('uncertainty', ...args, '--data', path);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });
});

describe('npm run cli (end to end)', () => {
  it('keeps stdout pure JSON and exits non-zero with a message on bad input', () => {
    const out = execFileSync('npm', ['run', 'cli', '--', 'solve', '--target', '196.7', '--scenario', 'regional', '--data', 'bth-ozone-calibrated', '--json'], { encoding: 'utf8' });
    expect(Math.abs(JSON.parse(out).totalCost / 0.572e9 - 1)).toBeLessThan(0.05);
    const bad = spawnSync('npm', ['run', 'cli', '--', 'solve', '--target', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^airshed: --target must be a number/);
  });
});

describe('cli game', () => {
  it('scores a round of Shared Sky as JSON, with the Nash and cooperative levels', async () => {
    const { code, out } = await cli('game', '--players', 'provinces', '--levels', '2,2,2', '--json', '--data', 'bth-ozone');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ mode: 'provinces', damageScale: 18, unit: 'yuan/yr', nash: { levels: [1, 1, 3], dominant: true }, cooperative: { levels: [2, 3, 3] } });
    expect(json.round.levels).toEqual([2, 2, 2]);
    expect(json.round.players.map((p: { id: string }) => p.id)).toEqual(['beijing', 'tianjin', 'hebei']);
    const { players, totals } = json.round;
    for (const p of players) expect(p.payoff).toBeCloseTo(p.benefit - p.cost, 3);
    expect(totals.welfare).toBeCloseTo(players.reduce((s: number, p: { payoff: number }) => s + p.payoff, 0), 3);
    expect(json.priceOfAnarchy).toBeCloseTo(json.cooperative.welfare - totals.welfare, 3);
    expect(Object.keys(json.round.ozone)).toHaveLength(13);
  });

  it('prints a table, takes nash / cooperative and the damage scale, and refuses bad levels', async () => {
    const text = await cli('game', '--players', 'cities', '--levels', 'cooperative', '--data', 'bth-ozone');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Price of anarchy of this round: 0 yuan a year/);
    const nominal = JSON.parse((await cli('game', '--levels', 'nash', '--damage', '1', '--json', '--data', 'bth-ozone')).out);
    expect(nominal.nash.levels).toEqual([0, 0, 0]);
    const short = await cli('game', '--levels', '2,2', '--data', 'bth-ozone');
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/one level 0-4 per player, 3 in all \(beijing, tianjin, hebei\)/);
    expect((await cli('game', '--levels', '2,5,1', '--data', 'bth-ozone')).code).toBe(2);
    expect((await cli('game', '--levels', '1,1,1', '--damage', '99', '--data', 'bth-ozone')).err).toMatch(/from 0.3 to 18/);
  });
});
