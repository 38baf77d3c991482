import type { PlausibilityFlag } from '../domain/plausibility';

interface Described {
  name: string;
  unit: string;
  decimals: number;
}

function signed(n: number, decimals: number): string {
  const text = n.toFixed(Math.min(Math.max(decimals, 0) + 1, 6)).replace(/\.?0+$/, '');
  return n > 0 ? `+${text}` : text;
}

/** A one-sentence explanation of a plausibility flag, for the officer who must check the value. */
export function describeFlag(flag: PlausibilityFlag, indicator: Described): string {
  const unit = indicator.unit === '' ? '' : ` ${indicator.unit}`;
  const change = `${signed(flag.changePerYear, indicator.decimals)}${unit} per year since ${flag.previousYear}`;
  if (flag.kind === 'max_change') {
    return `Unusually large change for "${indicator.name}": ${change}, more than the expected maximum of ${flag.maxChange ?? ''}${unit} per year. Please check the value.`;
  }
  const usual =
    flag.usualChange === null
      ? ''
      : ` (usually about ${signed(flag.usualChange, indicator.decimals)}${unit} per year)`;
  return `Unusual change for "${indicator.name}": ${change}${usual}. Please check the value.`;
}
