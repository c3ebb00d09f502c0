export * from './types';
export { compile, type Compiled, type Step } from './compile';
export { parseDataset, validateDataset, formatProblems, cleanCopy, DATASET_SHAPE, MAX_PROBLEMS, type Problem, type Validation } from './validate';
export { LIMITS, MAX_DATASET_BYTES } from './limits';
export { decodeDatasetBytes } from './load';
export { parseDecimal, DECIMAL_RULE } from './numbers';
export { buildProblem, setTargets, solveProblem, solvePlan, exportLp, lpComment, ozoneAfter, targetSlack, TARGET_TOLERANCE, QueryError, type PlanProblem, type GLPK } from './lp';
export { equalEffortPlan } from './equal-effort';
export { freeRiding, type FreeRiding } from './free-riding';
export { meritOrder, greedyPlan, type MeritStep, type GreedyPlan } from './merit';
export { sweep, createSweeper, sweepTargets, MAX_SWEEP_POINTS, MIN_SWEEP_STEP, type SweepRow, type SweepQuery } from './sweep';
export {
  players, costGame, costGameSteps, coalitionMembers, costTolerance, shapley, coreCheck, sharingTargets, marginalCap, usedDamage,
  PLAYER_MODES, MAX_PLAYERS, COST_TOLERANCE, DAMAGE_EPS, GAME_EXPLANATION, DAMAGE_EXPLANATION,
  type PlayerMode, type Player, type SharingQuery, type CostGame, type GameDefinition, type SharingProgress, type BlockingCoalition, type CoreCheck,
} from './sharing';
export { nucleolus, nucleolusSteps, type Nucleolus, type NucleolusLevel } from './nucleolus';
export {
  responsibility, chanderTulkens, marginalDamage, equalCutPlan, ozoneContribution, emissionsByPlayer, benefitByPlayer, taskCosts, transfers, regionalFund, sharingReport,
  coalitionTable, RULES, DEFAULT_RULE, FUND_INDICATORS, COALITION_TABLE_MAX_PLAYERS,
  type Rule, type RuleInputs, type Responsibility, type EqualCutPlan, type PlayerTransfer, type Flow, type Transfers, type FundIndicator, type FundWeights, type Fund,
  type PlayerShare, type SharingReport, type CoalitionRow,
} from './sharing-rules';
export {
  mulberry32, latinHypercube, inputValue, nominalValues, applyInputs, checkAdjustments, drawValues, solveDraw, meritGame, monteCarlo, monteCarloSteps, tornado,
  DEFAULT_DRAWS, MAX_DRAWS, DEFAULT_SEED, MAX_SEED, MAX_SHAPLEY_PROVINCES,
  type AdjustmentProblem, type DrawPlan, type DrawResult, type Outcome, type Summary, type UncertaintyQuery, type UncertaintyProgress, type UncertaintyReport,
  type TornadoRow, type Tornado,
} from './uncertainty';
export {
  gameModel, gameDataset, damageInput, defaultDamageScale, checkLevels, scoreRound, welfare, bestReply, nash, cooperative, priceOfAnarchy, selfBenefitShares, gameSummary,
  sidePaymentTransfers, fundTransfers, LEVEL_SHARES, MAX_LEVEL, FUND_RULES,
  type GameModel, type PlayerScore, type RoundScore, type NashOutcome, type GameSummary, type SidePayment, type FundRule,
} from './game';
export {
  ballotKeys, encodeBallot, decodeBallot, normaliseBallot, BALLOT_ALPHABET, BALLOT_LENGTH, BALLOT_MAX_PLAYERS, BALLOT_MAX_ROUND,
  type BallotKeys, type Ballot, type BallotProblem, type DecodedBallot,
} from './ballot';
