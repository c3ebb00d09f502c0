import { describe, expect, it } from 'vitest';
import { decodeState, defaultState as stateFor, encodeState as encodeWith, targetsOf, viewContext, type ViewState } from '../../src/state/state';
import { BUNDLED, defaultDataset } from '../fixtures';

const ids = viewContext(defaultDataset(), BUNDLED);
const defaultState = (lang?: 'en' | 'zh') => stateFor(ids, lang);
const encodeState = (state: ViewState) => encodeWith(state, ids);

describe('URL state', () => {
  it('writes only non-default values, the language and the version', () => {
    expect(encodeState(defaultState('en'))).toBe('data=bth-ozone&lang=en&v=1');
    expect(encodeState({ ...defaultState('zh'), target: 180 })).toBe('data=bth-ozone&lang=zh&target=180.0&v=1');
    expect(encodeState({ ...defaultState('en'), receptors: ['beijing', 'tianjin'], embed: true, panels: ['map', 'chart'] })).toBe('data=bth-ozone&embed&lang=en&panels=map,chart&receptors=beijing,tianjin&v=1');
  });

  it('round-trips every field exactly', () => {
    const state: ViewState = {
      target: 171.3, goal: 'level', unit: 'ppb', scenario: 'local', receptors: ['beijing', 'baoding', 'langfang'], rule: 'gdp', players: 'cities',
      colorBy: 'effectiveness', selected: 'tangshan', view: 'pay', lang: 'zh', theme: 'projector', embed: true, panels: ['map', 'chart'], transparent: true, slide: 3,
      deck: ['target=180.0&v=1', 'scenario=local&target=190.0&v=1', 'view=pay&v=1'],
      data: 'bth-ozone-calibrated', adjust: { response: 0.7, 'beijing-own': 0.42 }, seed: 7,
      group: 'sector', fund: { emissions: 0.2, contribution: 0, gdp: 1, benefit: 0.5 },
    };
    const { state: back, notices } = decodeState(encodeState(state), ids);
    expect(notices).toEqual([]);
    expect(back).toEqual(state);
    const all = { ...defaultState('en'), receptors: [...ids.receptors] };
    expect(encodeState(all)).toContain('receptors=all');
    expect(decodeState(encodeState(all), ids).state).toEqual(all);
  });

  it('keeps the four original embed panels working and adds the headline card and the slider alone', () => {
    // Links made before the headline existed show exactly what they showed.
    expect(decodeState('embed&panels=controls,map,chart,summary', ids)).toMatchObject({ state: { embed: true, panels: ['controls', 'map', 'chart', 'summary'] }, notices: [] });
    expect(decodeState('embed&panels=summary,map', ids).state.panels).toEqual(['map', 'summary']);
    // The new names, in a canonical order.
    expect(decodeState('embed&panels=slider,headline', ids)).toMatchObject({ state: { panels: ['headline', 'slider'] }, notices: [] });
    expect(encodeState({ ...defaultState('en'), embed: true, panels: ['headline', 'chart'] })).toBe('data=bth-ozone&embed&lang=en&panels=headline,chart&v=1');
    // A default embed shows everything, leading with the headline.
    expect(decodeState('embed', ids).state.panels).toEqual(['headline', 'slider', 'controls', 'map', 'chart', 'summary']);
  });

  it('reads a transparent background (bg=transparent) and ignores anything else there', () => {
    expect(decodeState('embed&bg=transparent', ids)).toMatchObject({ state: { transparent: true }, notices: [] });
    expect(encodeState({ ...defaultState('en'), embed: true, transparent: true })).toBe('bg=transparent&data=bth-ozone&embed&lang=en&v=1');
    expect(decodeState('bg=red', ids)).toMatchObject({ state: { transparent: false }, notices: [{ param: 'bg', key: 'notice.ignored' }] });
  });

  it('uses the preferred language only when the link has none', () => {
    expect(decodeState('', ids, 'zh').state.lang).toBe('zh');
    expect(decodeState('lang=en', ids, 'zh').state.lang).toBe('en');
  });

  it('reads a target below the baseline (target=-20, cut=10 or cut=10%) and writes it back the way it was set', () => {
    const baseline = defaultDataset().receptors[0].baseline;
    expect(decodeState('target=-20', ids)).toMatchObject({ state: { goal: 'below', target: Number((baseline - 20).toFixed(1)) }, notices: [] });
    for (const cut of ['cut=10', 'cut=10%']) expect(decodeState(cut, ids)).toMatchObject({ state: { goal: 'cut', target: Number((baseline * 0.9).toFixed(1)) }, notices: [] });
    expect(encodeState(decodeState('target=-20', ids).state)).toBe('data=bth-ozone&lang=en&target=-20.0&v=1');
    expect(decodeState(encodeState(decodeState('cut=10', ids).state), ids).state).toEqual(decodeState('cut=10', ids).state);
    // The status quo: a cut of 0%.
    expect(decodeState('cut=0', ids)).toMatchObject({ state: { goal: 'cut', target: baseline }, notices: [] });
    // Nonsense is refused with a notice; a cut wins over a target given beside it.
    expect(decodeState('cut=100', ids)).toMatchObject({ state: { goal: 'level' }, notices: [{ param: 'cut', key: 'notice.ignored' }] });
    expect(decodeState('cut=-5', ids).notices).toHaveLength(1);
    expect(decodeState('cut=10&target=190', ids)).toMatchObject({ state: { goal: 'cut' }, notices: [{ param: 'target', key: 'notice.ignored' }] });
    expect(decodeState('target=-900', ids)).toMatchObject({ state: { goal: 'below', target: ids.range.min }, notices: [{ param: 'target', key: 'notice.clamped' }] });
  });

  it('holds every place to the same reduction from its own baseline', () => {
    const d = defaultDataset();
    const { state } = decodeState('cut=10&receptors=beijing,tianjin', ids);
    expect(targetsOf(state, ids).map((t) => t.target)).toEqual(['beijing', 'tianjin'].map((id) => expect.closeTo(0.9 * d.receptors.find((r) => r.id === id)!.baseline, 1)));
    expect(targetsOf({ ...state, goal: 'level' }, ids).map((t) => t.target)).toEqual([state.target, state.target]);
  });

  it('clamps out-of-range targets with a notice and ignores garbage', () => {
    expect(decodeState('target=400', ids)).toMatchObject({ state: { target: ids.range.max }, notices: [{ param: 'target', key: 'notice.clamped' }] });
    expect(decodeState('target=12.34', ids).state.target).toBe(ids.range.min);
    expect(decodeState('target=180.04', ids)).toMatchObject({ state: { target: 180 }, notices: [] });
    expect(decodeState('target=abc', ids)).toMatchObject({ state: { target: 196.7 }, notices: [{ param: 'target', key: 'notice.ignored' }] });
    expect(decodeState('target=', ids).notices).toHaveLength(1);
    expect(decodeState('target=Infinity', ids).state.target).toBe(196.7);
  });

  it('ignores unknown ids, enum values, parameters and over-long strings, reporting each', () => {
    const { state, notices } = decodeState(`receptors=paris,tianjin&selected=atlantis&scenario=both&foo=1&color=${'x'.repeat(500)}&panels=map,evil`, ids);
    expect(state.receptors).toEqual(['tianjin']);
    expect(state.selected).toBeNull();
    expect(state.scenario).toBe('compare');
    expect(state.panels).toEqual(['map']);
    expect(notices.map((n) => n.param).sort()).toEqual(['color', 'foo', 'panels', 'receptors', 'scenario', 'selected']);
  });

  it('keeps notice text short and free of markup', () => {
    const { notices } = decodeState('scenario=<img src=x onerror=alert(1)>', ids);
    expect(notices[0].value).not.toMatch(/[<>"'=()]/);
    expect(notices[0].value.length).toBeLessThanOrEqual(41);
  });

  it('maps the embed idiom dark=auto|true|false onto the theme', () => {
    expect(decodeState('dark=true', ids).state.theme).toBe('dark');
    expect(decodeState('dark=false', ids).state.theme).toBe('light');
    expect(decodeState('dark=auto&embed', ids).state).toMatchObject({ theme: 'auto', embed: true });
    expect(decodeState('dark=maybe', ids).notices[0]).toMatchObject({ param: 'dark' });
  });

  it('runs migrations from older versions in order, and flags unknown versions', () => {
    const migrations = {
      // A hypothetical version 0 named the target 't'.
      0: (p: URLSearchParams) => {
        p.set('target', p.get('t') ?? '');
        p.delete('t');
      },
    };
    expect(decodeState('v=0&t=185', ids, 'en', migrations)).toMatchObject({ state: { target: 185 }, notices: [] });
    expect(decodeState('v=99&target=185', ids).notices[0]).toMatchObject({ param: 'v', key: 'notice.newerVersion' });
  });

  it('takes the target range and the defaults from the dataset', () => {
    const d = defaultDataset();
    d.standards.range = { min: 100, max: 300 };
    d.defaults = { target: 250, receptors: ['tianjin'] };
    const ctx = viewContext(d, BUNDLED);
    expect(stateFor(ctx)).toMatchObject({ target: 250, receptors: ['tianjin'], data: 'bth-ozone' });
    expect(decodeState('target=120', ctx).state.target).toBe(120);
    expect(decodeState('target=90', ctx).state.target).toBe(100);
    delete d.standards.range;
    // Without a stated range: from below the sweep's end to above the highest baseline.
    expect(viewContext(d).range).toEqual({ min: 140, max: Math.ceil((Math.max(d.standards.sweep.from, ...d.receptors.map((r) => r.baseline)) + 1) / 10) * 10 });
  });

  it('caps fund weights and ignores unknown indicators, so a weight never overflows', () => {
    const { state, notices } = decodeState('fund=emissions:1e309,gdp:500,benefit:-1,magic:2,contribution:0.3', ids);
    expect(state.fund).toEqual({ emissions: 1, contribution: 0.3, gdp: 1, benefit: 1 });
    expect(notices.map((n) => n.key)).toEqual(['notice.ignored', 'notice.clamped', 'notice.ignored', 'notice.ignored']);
  });

  it('accepts only bundled dataset ids, adjustable inputs within range, and whole seeds', () => {
    const { state, notices } = decodeState('data=evil&adjust=response:0.7,nope:1,beijing-own:9,costs:x&seed=1e3', ids);
    expect(state).toMatchObject({ data: 'bth-ozone', adjust: { response: 0.7, 'beijing-own': 0.8 }, seed: 1 });
    expect(notices.map((n) => `${n.param}:${n.key}`).sort()).toEqual(['adjust:notice.clamped', 'adjust:notice.ignored', 'adjust:notice.ignored', 'data:notice.unknownIds', 'seed:notice.ignored']);
    expect(decodeState('data=bth-ozone-calibrated&seed=42', ids).state).toMatchObject({ data: 'bth-ozone-calibrated', seed: 42 });
  });

  it('rejects slide numbers that are not small positive integers', () => {
    expect(decodeState('slide=2', ids).state.slide).toBe(2);
    for (const bad of ['0', '-1', '1.5', '999', 'x']) expect(decodeState(`slide=${bad}`, ids).state.slide).toBeNull();
  });
});

describe('slide decks in links', () => {
  it('reads back every view the page lets a teacher add: long views, all the places and every assumption moved', async () => {
    const { decodeDeck, encodeDeck, MAX_DECK_PARAM, slideRoom } = await import('../../src/state/deck');
    const { LIMITS } = await import('../../src/model/limits');
    // The longest lists a valid dataset allows (64 receptors, 100 inputs, ids of 64 characters), as the page writes them.
    const d = defaultDataset();
    const receptor = d.receptors[0];
    d.receptors = Array.from({ length: LIMITS.receptors }, (_, i) => ({ ...receptor, id: `r${i}`.padEnd(64, 'x') }));
    const input = d.uncertainty![0];
    d.uncertainty = Array.from({ length: LIMITS.uncertainInputs }, (_, i) => ({ ...input, id: `in${i}`.padEnd(64, 'y') }));
    const ctx = viewContext(d, BUNDLED);
    const receptors = d.receptors.slice(1).map((r) => r.id).join(',');
    const adjust = d.uncertainty.map((u) => `${u.id}:${u.low}`).join(',');
    for (const [param, value] of [['receptors', receptors], ['adjust', adjust]]) {
      const { state, notices } = decodeState(`${param}=${value}`, ctx);
      expect(value.length).toBeGreaterThan(400);
      expect(notices).toEqual([]);
      expect(param === 'receptors' ? state.receptors.length : Object.keys(state.adjust).length).toBe(param === 'receptors' ? LIMITS.receptors - 1 : LIMITS.uncertainInputs);
    }
    // A 430-character view, as the page's own controls make it, is saved and read back.
    const view = `adjust=${'costs:1.5,'.repeat(42)}&v=1`;
    expect(view.length).toBeGreaterThan(430);
    expect(slideRoom([], view)).toBe('ok');
    expect(decodeDeck(encodeDeck([view]))).toEqual([view]);
    // A view that would push the deck's link past its limit is refused before it is saved, never lost after.
    const huge = 'x'.repeat(MAX_DECK_PARAM);
    expect(slideRoom([], huge)).toBe('long');
    expect(slideRoom(['a'], 'a')).toBe('duplicate');
    expect(slideRoom(Array.from({ length: 20 }, (_, i) => `s=${i}`), 'new')).toBe('full');
  });

  it('round-trips a deck and refuses malformed ones with a notice', async () => {
    const { encodeDeck, decodeDeck } = await import('../../src/state/deck');
    const deck = ['target=180.0&v=1', 'lang=zh&scenario=local&v=1'];
    expect(decodeDeck(encodeDeck(deck))).toEqual(deck);
    for (const bad of ['!!!', encodeDeck([]), btoa('{"a":1}'), encodeDeck(Array(21).fill('v=1')), encodeDeck(['x'.repeat(9_001)]), encodeDeck([1 as unknown as string])]) expect(decodeDeck(bad)).toBeNull();
    expect(decodeState('deck=%%%', ids).notices[0]).toMatchObject({ param: 'deck', key: 'notice.ignored' });
    expect(decodeState(`deck=${encodeDeck(deck)}&slide=3`, ids).state.slide).toBeNull();
    expect(decodeState(`deck=${encodeDeck(deck)}&slide=2`, ids).state).toMatchObject({ slide: 2, deck });
  });
});
