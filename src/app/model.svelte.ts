/**
 * The app's view model: it owns the one view state and everything computed for it (dataset,
 * plans, cost curve, who-pays report, Monte Carlo), talks to the solver worker through one
 * latest-wins scheduler per kind of request, and offers named actions. App.svelte only lays out
 * what is here; components get what they show and report changes through `update`.
 */
import * as Comlink from 'comlink';
import { tick, untrack } from 'svelte';
import type { Remote } from 'comlink';
import { parseCatalogue, type CatalogueEntry } from '../model/catalogue';
import { sweepTargets, type SweepRow } from '../model/sweep';
import type { Dataset, ReceptorTarget } from '../model/types';
import { adjustedDataset, DEFAULT_DRAWS, rankTornado, type Tornado, type UncertaintyReport } from '../model/uncertainty';
import { levelFor, resolveTargets, type TargetSpec } from '../model/targets';
import { floorOf } from '../model/lp';
import type { SharingReport } from '../model/sharing-rules';
import type { Problem } from '../model/validate';
import {
  baselineOf, decodeState, defaultState, encodeState, EMPTY_CONTEXT, MAX_SEED, requestedDataset, specOf, targetsOf, viewContext, type Notice, type ViewContext, type ViewState,
} from '../state/state';
import { deckSlideView, describeView, LESSON, slideBody, slideView, sweepPath } from '../state/lesson';
import { translate } from '../state/i18n';
import { shownPlan } from '../state/summary';
import { reportMatches } from '../state/sure';
import type { PlanPair, SolverApi } from '../worker/api';
import { Scheduler } from './scheduler';

/** Steps' performance measures kept for a benchmark before they are cleared. */
const MAX_MEASURES = 1_000;
/** Links follow the view once it settles (browsers throttle rapid history calls). */
const URL_SETTLE_MS = 250;
/** Who pays waits for the slider to settle: with 13 cities a game is 8,191 coalitions. */
const PAY_SETTLE_MS = 250;
/** The Monte Carlo starts once the plan on screen has settled for this long. */
const SURE_SETTLE_MS = 400;
/** A lesson's target sweep moves one step (0.5 μg/m³) this often. */
const SWEEP_STEP_MS = 280;

export interface PayState {
  report: SharingReport | null;
  failure: string | null;
  progress: { done: number; total: number } | null;
}

export type SureStatus = 'waiting' | 'running' | 'done' | 'cancelled' | 'failed';
export interface SureState {
  status: SureStatus;
  report: UncertaintyReport | null;
  tornado: { key: string; data: Tornado } | null;
  progress: { done: number; total: number };
  failure: string;
  /** The key (dataset, targets, adjustments, seed) of the view the draws are for. */
  key: string;
}

/** The visitor's own dataset file, or the problems that kept it out. */
export interface FileState {
  /** The file in use, or null for a bundled dataset. */
  name: string | null;
  /** The last file tried, and why it was refused (empty when it was not). */
  attempted: string;
  problems: Problem[];
  warnings: Problem[];
}

interface SureQuery {
  key: string;
  targets: ReceptorTarget[];
  /** How the targets were set: a reduction follows each draw's baseline. */
  spec: TargetSpec;
  fixed: Record<string, number>;
  seed: number;
}

const toNotices = (warnings: Problem[]): Notice[] => warnings.map((w) => ({ param: w.path, key: 'notice.implausible', value: w.message }));

export class AppModel {
  view = $state<ViewState>(defaultState(EMPTY_CONTEXT));
  ctx = $state.raw<ViewContext>(EMPTY_CONTEXT);
  /** The dataset as loaded (the worker's base): the view's context and links are checked against it. */
  loaded = $state.raw<Dataset | null>(null);
  catalogue = $state.raw<CatalogueEntry[]>([]);
  plans = $state.raw<PlanPair | null>(null);
  curve = $state.raw<SweepRow[] | null>(null);
  pay = $state.raw<PayState>({ report: null, failure: null, progress: null });
  sure = $state.raw<SureState>({ status: 'waiting', report: null, tornado: null, progress: { done: 0, total: DEFAULT_DRAWS }, failure: '', key: '' });
  file = $state.raw<FileState>({ name: null, attempted: '', problems: [], warnings: [] });
  notices = $state<Notice[]>([]);
  /** A lesson slide's target sweep: the targets it passes through, where it is, and whether it plays. */
  sweep = $state.raw<{ slide: number; path: number[]; step: number; playing: boolean } | null>(null);
  fatal = $state<string | null>(null);
  adjustFailure = $state<string | null>(null);
  /** Bumped whenever the numbers behind the plans change (a dataset or an adjustment). */
  private version = $state(0);

  /**
   * The one dataset of record: as loaded, with the adjustments the plans on screen were solved
   * with (the worker's, not the sliders', which may be ahead of them). Every chart, the map, the
   * tables, the exports and the summary read this one, so their numbers and the plan's agree.
   */
  dataset = $derived(this.loaded && this.adjusted(this.loaded, this.plans?.adjust ?? {}));
  /** The plan a single-plan display shows: the local one only when local control is chosen. */
  shownPlan = $derived(shownPlan(this.plans, this.view.scenario));
  slideCount = $derived(this.view.deck.length || LESSON.length);
  slideText = $derived.by(() => {
    if (!this.dataset || this.view.slide === null) return { title: '', body: '' };
    const i = Math.min(this.view.slide, this.slideCount) - 1;
    if (this.view.deck.length === 0) {
      // Numbers in the slide come from the plans on screen, and only once they are for this view.
      const plans = this.plans && this.plans.regional.query.targets.every((t) => Math.abs(t.target - this.view.target) < 1e-9) ? this.plans : null;
      const report = plans && this.sure.status === 'done' && reportMatches(this.sure.report, plans.regional.query.targets, this.view.adjust, this.view.goal) ? this.sure.report : null;
      const facts = { dataset: this.dataset, view: this.view, plans, curve: this.curve, report };
      return { title: LESSON[i].title[this.view.lang], body: slideBody(LESSON[i], this.view.lang, facts) };
    }
    return { title: translate(this.view.lang, 'lesson.mySlide', { n: i + 1 }), body: describeView(this.dataset, this.ctx, this.view.deck[i], this.view.lang) };
  });

  /** The last dataset of record made: plans come at every slider step, the adjustments far less often. */
  private record: { base: Dataset; key: string; data: Dataset } | null = null;
  /** The last bundled dataset, to go back to from the visitor's own. */
  private bundled: Dataset | null = null;
  /** The view before a lesson started, restored when it ends. */
  private beforeLesson: ViewState | null = null;
  private inputSeq = 0;
  private firstPaint = true;
  /** The cost curve's sweep waits for the first plan on screen: it is not needed for the first numbers. */
  private firstPlanPainted = $state(false);

  private readonly planner = new Scheduler<{ seq: number; targets: ReceptorTarget[] }, PlanPair>({
    run: (q) => this.solver.plan(q.targets),
    deliver: (result, q) => void this.showPlans(result, q.seq),
    fail: (error) => (this.fatal = String(error)),
    deliverSuperseded: true,
  });

  private readonly curves = new Scheduler<string[], SweepRow[] | null>({
    run: (receptors) => {
      this.curve = null;
      return this.solver.sweep(receptors, sweepTargets({ from: this.ctx.range.max, to: this.ctx.range.min, step: 0.5 }));
    },
    deliver: (rows) => rows && (this.curve = rows),
    fail: (error) => (this.fatal = String(error)),
    key: (receptors) => receptors.join(','),
    onCancel: () => void this.solver.cancel('sweep'),
  });

  private readonly payer = new Scheduler<Parameters<SolverApi['share']>[0], Awaited<ReturnType<SolverApi['share']>>>({
    run: (request) => {
      // Progress comes over its own message channel, so a last report can arrive after the result: it is dropped then.
      let finished = false;
      const progress = Comlink.proxy((done: number, total: number) => {
        if (!finished) this.pay = { ...this.pay, progress: { done, total } };
      });
      return this.solver.share(request, progress).finally(() => (finished = true));
    },
    deliver: (result) => {
      if (result === null) return; // stopped by a newer request in the worker
      this.pay = result.ok ? { report: result.report, failure: null, progress: null } : { ...this.pay, failure: result.message, progress: null };
    },
    fail: (error) => (this.pay = { ...this.pay, failure: String(error), progress: null }),
    settleMs: PAY_SETTLE_MS,
    onCancel: () => void this.solver.cancel('share'),
  });

  private readonly sureRunner = new Scheduler<SureQuery, void>({
    run: (query) => this.runSure(query),
    deliver: () => {},
    fail: (error) => (this.sure = { ...this.sure, status: 'failed', failure: error instanceof Error ? error.message : String(error) }),
    settleMs: SURE_SETTLE_MS,
    key: (query) => query.key,
    onCancel: () => void this.solver.cancel('uncertainty'),
  });

  constructor(
    private readonly solver: Remote<SolverApi>,
    private readonly page: { search: string; origin: string; pathname: string; lang: ViewState['lang'] },
    /** Resolves once the solver worker answers (rejects with the reason it could not start). */
    private readonly solverReady: Promise<void> = Promise.resolve(),
  ) {
    this.view = defaultState(EMPTY_CONTEXT, page.lang);
  }

  /** The one writer of the view: components report what they change. */
  update = (patch: Partial<ViewState>): void => {
    // Moving the target by hand pauses a lesson's target sweep.
    if (patch.target !== undefined && this.sweep?.playing) this.sweep = { ...this.sweep, playing: false };
    // Under a reduction, other places keep the reduction (the level follows the new first place's baseline).
    if (patch.receptors && patch.target === undefined && this.view.goal !== 'level') {
      const level = levelFor(baselineOf({ receptors: patch.receptors }, this.ctx), specOf(this.view, this.ctx));
      if (Number.isFinite(level)) patch = { ...patch, target: Math.min(this.ctx.range.max, Math.max(this.ctx.range.min, Number(level.toFixed(2)))) };
    }
    Object.assign(this.view, patch);
  };

  /** The one place view URLs are made: this view with a patch (share, embed, lesson links). */
  urlFor = (patch: Partial<ViewState> = {}): string =>
    `${this.page.origin}${this.page.pathname}?${encodeState({ ...$state.snapshot(this.view), ...patch }, this.ctx)}`;

  /** Loads the catalogue and the dataset a link asks for, then the view the link describes. */
  async load(): Promise<void> {
    try {
      await this.solverReady;
      const response = await fetch('./data/catalogue.json');
      if (!response.ok) throw new Error(`HTTP ${response.status} for data/catalogue.json`);
      const parsed = parseCatalogue(await response.text());
      if (!parsed.ok) throw new Error(parsed.message);
      this.catalogue = parsed.catalogue.datasets;
      const loaded = await this.initBundled(requestedDataset(this.page.search, this.ids()));
      const ctx = viewContext(loaded.dataset, this.ids());
      const decoded = decodeState(this.page.search, ctx, this.page.lang);
      this.ctx = ctx;
      this.view = { ...decoded.state, data: loaded.dataset.meta.id };
      this.notices = [...decoded.notices, ...toNotices(loaded.warnings)];
      this.bundled = loaded.dataset;
      this.loaded = loaded.dataset;
      this.version++;
      // A lesson link (?slide=N) opens on that slide's view; past the lesson's end it is refused.
      if (this.view.slide !== null && this.view.slide > this.slideCount) {
        this.notices = [...this.notices, { param: 'slide', key: 'notice.ignored', value: String(this.view.slide) }];
        this.view.slide = null;
      }
      if (this.view.slide !== null) this.goToSlide(this.view.slide - 1);
    } catch (error) {
      this.fatal = error instanceof Error ? error.message : String(error);
    }
  }

  /** The reactions: what is solved again when the view changes. Returns a cleanup. */
  start(): () => void {
    return $effect.root(() => {
      // A bundled dataset chosen in the page or named by a slide is loaded when the view asks for it.
      $effect(() => {
        const wanted = this.view.data;
        if (!this.loaded || wanted === this.loaded.meta.id || !this.ids().includes(wanted)) return;
        void untrack(() => this.useBundled(wanted));
      });
      // A lesson's target sweep: one step at a time, from the slide's target down to the lowest one
      // regional control reaches on the cost curve.
      $effect(() => {
        const s = this.sweep;
        const curve = this.curve;
        if (!s || !s.playing || !curve || this.view.slide !== s.slide) return;
        if (s.path.length === 0) {
          untrack(() => (this.sweep = { ...s, path: sweepPath(this.view.target, floorOf(this.dataset!, this.view.receptors[0], 'regional'), this.ctx.range) }));
          return;
        }
        if (s.step >= s.path.length - 1) {
          untrack(() => (this.sweep = { ...s, playing: false }));
          return;
        }
        const timer = setTimeout(() => {
          this.sweep = { ...s, step: s.step + 1 };
          this.view.target = s.path[s.step + 1];
        }, SWEEP_STEP_MS);
        return () => clearTimeout(timer);
      });
      // Plans follow the target and the places at every slider step.
      $effect(() => {
        const targets = targetsOf(this.view, this.ctx);
        void this.version;
        if (!this.loaded) return;
        const seq = ++this.inputSeq;
        performance.mark(`airshed:input:${seq}`);
        this.planner.request({ seq, targets });
      });
      // The cost curve covers every target: it follows the places and the numbers only.
      $effect(() => {
        const receptors = [...this.view.receptors];
        void this.version;
        if (!this.loaded || !this.firstPlanPainted) return;
        this.curves.invalidate();
        this.curves.request(receptors);
      });
      // Who pays, on its view only.
      $effect(() => {
        if (!this.loaded || this.view.view !== 'pay') return;
        void this.version;
        const fund = $state.snapshot(this.view.fund);
        const usable = Object.values(fund).some((w) => w > 0);
        // Every place has a target in the game: all receptors held to the view's level or reduction.
        const spec = specOf(this.view, this.ctx);
        this.payer.request({
          targets: resolveTargets({ receptors: this.ctx.baselines }, this.ctx.baselines.map((r) => r.id), spec),
          spec,
          players: this.view.players,
          rule: this.view.rule,
          fund: usable ? fund : { emissions: 1 },
        });
      });
      // The visitor's assumptions go to the worker; the numbers behind every view change.
      let sentAdjust = '{}';
      $effect(() => {
        const values = $state.snapshot(this.view.adjust);
        const json = JSON.stringify(values);
        if (!this.loaded || json === sentAdjust) return;
        sentAdjust = json;
        void this.solver.adjust(values).then((result) => {
          this.adjustFailure = result.ok ? null : result.message;
          this.version++;
        });
      });
      // The Monte Carlo follows the plan on screen once it settles.
      $effect(() => {
        const targets = this.plans?.regional.query.targets;
        if (!this.loaded || !targets) return;
        const fixed = $state.snapshot(this.view.adjust);
        const seed = this.view.seed;
        const spec = untrack(() => specOf(this.view, this.ctx));
        const key = JSON.stringify([this.loaded.meta.id, this.loaded.meta.version, targets, spec.kind, fixed, seed]);
        // Only a new view (not every re-solve of the same one) starts new draws.
        untrack(() => {
          if (key === this.sure.key) return;
          this.sure = { ...this.sure, status: 'waiting', key };
          // Draws for the view before are stopped in the worker at once (not when these start,
          // after the settle delay), so that they do not hold up the plans of a drag.
          this.sureRunner.cancel();
          this.sureRunner.request({ key, targets: targets.map((t) => ({ ...t })), spec, fixed, seed });
        });
      });
      // The document follows the language and the theme ('auto' follows the reader's system, and
      // the host page's for embeds).
      $effect(() => {
        document.documentElement.lang = this.view.lang === 'zh' ? 'zh-CN' : 'en';
        document.title = `${translate(this.view.lang, 'app.title')}: ${translate(this.view.lang, 'app.tagline')}`;
      });
      const prefersDark = matchMedia('(prefers-color-scheme: dark)');
      let systemDark = $state(prefersDark.matches);
      prefersDark.addEventListener('change', (e) => (systemDark = e.matches));
      $effect(() => {
        document.documentElement.dataset.theme = this.view.theme === 'auto' ? (systemDark ? 'dark' : 'light') : this.view.theme;
      });
      // An embed tells its host page its height, so a responsive iframe needs no fixed height. The
      // app's own height, not the document's: that is at least the iframe's, so it never shrank.
      $effect(() => {
        if (!this.view.embed || window.parent === window) return;
        const root = document.getElementById('app')!;
        const post = () => window.parent.postMessage({ type: 'airshed:height', height: Math.ceil(root.getBoundingClientRect().height) }, '*');
        const observer = new ResizeObserver(post);
        observer.observe(root);
        post();
        return () => observer.disconnect();
      });
      // Links follow the view once it settles; replaceState so a drag adds no history entries.
      $effect(() => {
        if (!this.loaded) return;
        const query = encodeState(this.view, this.ctx);
        const timer = setTimeout(() => history.replaceState(null, '', query ? `?${query}` : location.pathname), URL_SETTLE_MS);
        return () => clearTimeout(timer);
      });
    });
  }

  /** A bundled dataset by id: fetched as bytes and handed to the worker, which validates it once. */
  private async initBundled(id: string) {
    const entry = this.catalogue.find((d) => d.id === id) ?? this.catalogue[0];
    const response = await fetch(`./data/${entry.file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status} for data/${entry.file}`);
    const bytes = await response.arrayBuffer();
    const loaded = await this.solver.init(Comlink.transfer(bytes, [bytes]));
    if (!loaded.ok) throw new Error(`The dataset ${entry.file} is not valid:\n${loaded.problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    return loaded;
  }

  private adjusted(base: Dataset, adjust: Record<string, number>): Dataset {
    const key = JSON.stringify(adjust);
    if (this.record?.base !== base || this.record.key !== key) this.record = { base, key, data: adjustedDataset(base, adjust) };
    return this.record.data;
  }

  private ids(): string[] {
    return this.catalogue.map((d) => d.id);
  }

  /** Switches to another bundled dataset (from the picker or a slide); the view keeps what applies. */
  async useBundled(id: string): Promise<void> {
    try {
      const loaded = await this.initBundled(id);
      this.bundled = loaded.dataset;
      this.file = { name: null, attempted: '', problems: [], warnings: [] };
      this.switchTo(loaded.dataset);
      this.notices = toNotices(loaded.warnings);
    } catch (error) {
      this.notices = [{ param: 'data', key: 'notice.loadFailed', value: error instanceof Error ? error.message : String(error) }];
    }
  }

  /** The visitor's own file: the worker decodes, validates and trial-solves it; a rejected file
   * leaves the dataset in use working and lists its problems. */
  async useFile(bytes: ArrayBuffer, name: string): Promise<void> {
    const loaded = await this.solver.init(Comlink.transfer(bytes, [bytes]));
    if (!loaded.ok) {
      this.file = { ...this.file, attempted: name, problems: loaded.problems };
      return;
    }
    this.file = { name, attempted: name, problems: [], warnings: loaded.warnings };
    this.switchTo(loaded.dataset);
  }

  /** Back from the visitor's own dataset to the last bundled one. */
  async useBundledAgain(): Promise<void> {
    if (this.bundled) await this.useBundled(this.bundled.meta.id);
  }

  private switchTo(next: Dataset): void {
    const ctx = viewContext(next, this.ids());
    const receptors = this.view.receptors.filter((id) => ctx.receptors.includes(id));
    this.ctx = ctx;
    this.update({
      data: next.meta.id,
      // The target carries over between datasets whose ranges hold it; elsewhere the new default.
      target: this.view.target >= ctx.range.min && this.view.target <= ctx.range.max ? this.view.target : ctx.defaults.target,
      receptors: receptors.length > 0 ? receptors : [...ctx.defaults.receptors],
      selected: this.view.selected && ctx.jurisdictions.includes(this.view.selected) ? this.view.selected : null,
      adjust: {},
    });
    this.plans = null;
    this.pay = { report: null, failure: null, progress: null };
    this.sure = { ...this.sure, status: 'waiting', report: null, tornado: null, key: '' };
    this.sureRunner.cancel();
    this.payer.cancel();
    // A plan still on its way is of the dataset before (its adjustments may not even apply here).
    this.planner.cancel();
    this.loaded = next;
    this.version++;
  }

  reset = (): void => {
    this.view = { ...defaultState(this.ctx, this.view.lang), data: this.view.data, embed: this.view.embed, panels: this.view.panels, theme: this.view.theme };
  };

  goToSlide = (index: number): void => {
    if (!this.loaded || index < 0 || index >= this.slideCount) return;
    // A slide that tightens the target sweeps it once the cost curve is known (see start()).
    this.sweep = this.view.deck.length === 0 && LESSON[index].sweep ? { slide: index + 1, path: [], step: 0, playing: true } : null;
    // As loaded, like the context's baselines that a reduction is measured from.
    const baseline = this.loaded.receptors.find((r) => r.id === this.view.receptors[0])?.baseline ?? this.loaded.receptors[0].baseline;
    // A teacher's slide made with another bundled dataset brings it along (the data effect loads it).
    this.view = this.view.deck.length > 0 ? deckSlideView(this.view, index, this.ctx) : slideView(this.view, index, this.ctx, baseline);
  };

  /** Starts the built-in lesson (empty deck) or the teacher's own slides, in the projector theme. */
  startLesson = (deck: string[]): void => {
    this.beforeLesson ??= $state.snapshot(this.view);
    this.view = { ...this.view, deck, theme: 'projector' };
    this.goToSlide(0);
  };

  /** Pauses or resumes a lesson's target sweep; at its end, plays it again from the start. */
  toggleSweep = (): void => {
    const s = this.sweep;
    if (!s) return;
    if (!s.playing && s.path.length > 0 && s.step >= s.path.length - 1) {
      this.sweep = { ...s, step: 0, playing: true };
      this.view.target = s.path[0];
    } else this.sweep = { ...s, playing: !s.playing };
  };

  /** Ends the lesson and restores the view the visitor had before it. */
  endLesson = (): void => {
    this.sweep = null;
    const before = this.beforeLesson;
    this.beforeLesson = null;
    this.view = before ? { ...before, lang: this.view.lang, slide: null, deck: [] } : { ...this.view, slide: null, deck: [], theme: 'auto' };
  };

  cancelSure = (): void => {
    this.sureRunner.cancel();
    this.sure = { ...this.sure, status: 'cancelled' };
  };

  /** Runs the draws again for the view on screen. */
  runSureAgain = (): void => {
    const targets = this.plans?.regional.query.targets;
    if (!targets) return;
    this.sureRunner.invalidate();
    this.sure = { ...this.sure, status: 'waiting' };
    this.sureRunner.request({ key: this.sure.key, targets, spec: specOf(this.view, this.ctx), fixed: $state.snapshot(this.view.adjust), seed: this.view.seed });
  };

  /** A new seed: another sample of the same ranges (the link carries it). */
  anotherSeed = (): void => {
    let seed = this.view.seed;
    while (seed === this.view.seed) seed = 1 + Math.floor(Math.random() * MAX_SEED);
    this.update({ seed });
  };

  private async runSure(query: SureQuery): Promise<void> {
    this.sure = { ...this.sure, status: 'running', progress: { done: 0, total: DEFAULT_DRAWS } };
    const swings = await this.solver.tornado({ targets: query.targets, spec: query.spec, fixed: query.fixed });
    if (this.sure.key !== query.key) return;
    if (!swings.ok) throw new Error(swings.message);
    this.sure = { ...this.sure, tornado: { key: query.key, data: swings.tornado } };
    const result = await this.solver.uncertainty(
      { targets: query.targets, spec: query.spec, draws: DEFAULT_DRAWS, seed: query.seed, fixed: query.fixed },
      Comlink.proxy((done: number, total: number) => {
        if (this.sure.key === query.key && this.sure.status === 'running') this.sure = { ...this.sure, progress: { done, total } };
      }),
    );
    if (result === null || this.sure.key !== query.key || this.sure.status !== 'running') return; // superseded or cancelled
    if (!result.ok) throw new Error(result.message);
    // With the draws in, the inputs without a saving at an end are ranked by how they move the chance of reaching the target.
    const tornado = this.sure.tornado?.key === query.key ? { key: query.key, data: rankTornado(this.sure.tornado.data, result.report) } : this.sure.tornado;
    this.sure = { ...this.sure, status: 'done', report: result.report, tornado };
  }

  /** Shows a plan and marks, for the benchmark, when the frame with its numbers is painted. */
  private async showPlans(result: PlanPair, seq: number): Promise<void> {
    performance.mark(`airshed:result:${seq}`);
    const measured = performance.getEntriesByName(`airshed:input:${seq}`).length > 0;
    if (measured) {
      const solve = performance.measure('airshed:solve', `airshed:input:${seq}`, `airshed:result:${seq}`);
      // The phases of a step, for the benchmark: the worker's own solving, and the rest of the
      // round trip (messages, queueing behind other work in the worker).
      performance.measure('airshed:worker', { start: solve.startTime, duration: result.solveMs });
      performance.measure('airshed:roundtrip', { start: solve.startTime, duration: Math.max(0, solve.duration - result.solveMs) });
    }
    this.plans = result;
    await tick();
    // The DOM has the new numbers (Svelte's update); what follows until the frame is style, layout and paint.
    if (measured) performance.measure('airshed:render', `airshed:result:${seq}`);
    requestAnimationFrame(() => {
      const end = `airshed:painted:${seq}`;
      performance.mark(end);
      if (measured) performance.measure('airshed:update', `airshed:input:${seq}`, end);
      // Marks are dropped once measured, and the measures kept to the last MAX_MEASURES steps:
      // a long drag would otherwise pile them up (a benchmark reads far fewer).
      for (const name of ['input', 'result', 'painted']) performance.clearMarks(`airshed:${name}:${seq}`);
      if (performance.getEntriesByName('airshed:update').length > MAX_MEASURES)
        for (const name of ['solve', 'worker', 'roundtrip', 'render', 'update']) performance.clearMeasures(`airshed:${name}`);
      if (this.firstPaint) {
        this.firstPaint = false;
        performance.measure('airshed:first-plan', { start: 0, end: performance.now() });
        this.firstPlanPainted = true;
      }
    });
  }
}
