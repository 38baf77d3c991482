/** Consistency rules of an indicator definition, as readable problems. */

import { EUROSTAT_CODE_HELP, parseEurostatCodes } from './eurostat-codes';

export interface IndicatorDefinition {
  direction: 'increase' | 'decrease';
  bestBound: number | null;
  worstBound: number | null;
  thresholds: { green: number; yellow: number; orange: number } | null;
  allowedMin: number | null;
  allowedMax: number | null;
  /** Codes in other systems; `eurostat` must be written as imports read it. */
  codes?: Readonly<Record<string, string>>;
}

export interface DefinitionProblem {
  path: string;
  message: string;
}

/**
 * Checks that bounds, thresholds and the allowed range agree with each other
 * and with the direction ("higher is better" needs best > worst and
 * green ≥ yellow ≥ orange; "lower is better" the reverse).
 */
export function checkIndicatorDefinition(def: IndicatorDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const up = def.direction === 'increase';
  if ((def.bestBound === null) !== (def.worstBound === null)) {
    problems.push({
      path: '/bestBound',
      message: 'Give both the best and the worst bound, or neither.',
    });
  } else if (def.bestBound !== null && def.worstBound !== null) {
    if (def.bestBound === def.worstBound) {
      problems.push({ path: '/bestBound', message: 'The best and worst bounds must differ.' });
    } else if (up !== def.bestBound > def.worstBound) {
      problems.push({
        path: '/bestBound',
        message: up
          ? 'For an indicator where higher is better, the best bound must be above the worst bound.'
          : 'For an indicator where lower is better, the best bound must be below the worst bound.',
      });
    }
  }
  if (def.thresholds !== null) {
    const { green, yellow, orange } = def.thresholds;
    const ordered = up ? green >= yellow && yellow >= orange : green <= yellow && yellow <= orange;
    if (!ordered) {
      problems.push({
        path: '/thresholds',
        message: up
          ? 'Where higher is better, thresholds must satisfy green ≥ yellow ≥ orange.'
          : 'Where lower is better, thresholds must satisfy green ≤ yellow ≤ orange.',
      });
    }
  }
  const eurostat = def.codes?.eurostat;
  if (eurostat !== undefined && parseEurostatCodes(eurostat) === null) {
    problems.push({ path: '/codes/eurostat', message: EUROSTAT_CODE_HELP });
  }
  if (def.allowedMin !== null && def.allowedMax !== null && def.allowedMin > def.allowedMax) {
    problems.push({
      path: '/allowedMin',
      message: 'The smallest allowed value is above the largest.',
    });
  }
  return problems;
}
