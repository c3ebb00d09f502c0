/**
 * Who free-rides: how much of the good a player's cuts do lands at home, and what it would cut
 * alone if it weighed only its own damage (the non-cooperative, Nash, level) against what the
 * cooperative plan has it cut. The bridge from the cost game to the classroom game.
 */
import { compile } from './compile';
import type { CostGame } from './sharing';

export interface FreeRiding {
  id: string;
  /**
   * Of the ozone the player's cuts in the cooperative plan remove at the game's receptors, weighted
   * by each receptor's population, the share at its own receptors (0..1); null if it cuts nothing
   * that lowers ozone anywhere.
   */
  selfShare: number | null;
  /** Tonnes the player cuts in the cooperative plan, and what they cost (its task), yuan/yr. */
  planTonnes: number;
  planCost: number;
  /**
   * Alone and weighing only the health damage at its own receptors (their damage prices, no
   * target): every step whose cost per tonne is below the damage it avoids at home, used in full.
   * Null where the dataset has no damage price for one of its receptors.
   */
  nashTonnes: number | null;
  nashCost: number | null;
}

/** Self-benefit shares and Nash cuts of every player of a game (players order). */
export function freeRiding(game: CostGame): FreeRiding[] {
  const { dataset, regionalPlan } = game;
  const compiled = compile(dataset);
  const rows = game.targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const population = rows.map((r) => dataset.jurisdictions[compiled.receptorJurisdiction[r]].population);
  return game.players.map((player) => {
    const mine = new Set(player.jurisdictions.map((j) => compiled.jurisdictionIndex.get(j)!));
    const own = rows.map((r, i) => ({ r, i })).filter(({ r }) => player.receptors.includes(dataset.receptors[r].id));
    const steps = compiled.steps.filter((k) => mine.has(k.jurisdiction));
    let home = 0;
    let everywhere = 0;
    let planTonnes = 0;
    let planCost = 0;
    for (const k of steps) {
      const cut = regionalPlan.stepCuts[k.index] ?? 0;
      if (cut <= 0) continue;
      planTonnes += cut;
      planCost += cut * k.unitCost;
      rows.forEach((r, i) => {
        const removed = Math.max(0, compiled.effect[r][k.index] * cut) * population[i];
        everywhere += removed;
        if (own.some((o) => o.i === i)) home += removed;
      });
    }
    const damages = own.map(({ r }) => dataset.receptors[r].damage);
    const priced = damages.every((d) => d !== undefined);
    let nashTonnes: number | null = null;
    let nashCost: number | null = null;
    if (priced) {
      nashTonnes = 0;
      nashCost = 0;
      for (const k of steps) {
        // yuan/yr of damage avoided at home per tonne cut (titration at home counts against it).
        const avoided = own.reduce((sum, { r }, o) => sum + damages[o]! * compiled.effect[r][k.index], 0);
        if (k.cap > 0 && k.unitCost < avoided) {
          nashTonnes += k.cap;
          nashCost += k.cap * k.unitCost;
        }
      }
    }
    return { id: player.id, selfShare: everywhere > 0 ? home / everywhere : null, planTonnes, planCost, nashTonnes, nashCost };
  });
}
