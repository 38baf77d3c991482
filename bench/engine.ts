/**
 * The pure progress engine: assessments per second on one core.
 *
 *   npm run bench:engine [-- --series 10000 --rounds 20]
 *
 * 10,000 generated series (11 yearly values, half with a target, both
 * directions, both trend types), assessed repeatedly. The baseline is a
 * trivial loop over the same data (summing the latest values), to show what
 * the machine does per series when it does almost nothing.
 */
import { assess, type AssessmentInput } from '../server/src/domain/progress';
import { printTable, saveResults } from '../tests/helpers/report';
import { arg } from './lib/args';

function makeSeries(count: number): AssessmentInput[] {
  const inputs: AssessmentInput[] = [];
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < count; i++) {
    const start = 10 + random() * 90;
    const growth = (random() - 0.4) * 0.08;
    const observations = Array.from({ length: 11 }, (_, k) => ({
      year: 2015 + k,
      value: start * (1 + growth) ** k * (1 + (random() - 0.5) * 0.02),
    }));
    const direction = i % 2 === 0 ? 'increase' : 'decrease';
    inputs.push({
      direction,
      observations,
      target:
        i % 4 < 2 ? { year: 2030, value: start * (direction === 'increase' ? 1.5 : 0.5) } : null,
      trend: i % 3 === 0 ? 'linear' : 'auto',
    });
  }
  return inputs;
}

function main(): void {
  const count = Number(arg('series', '10000'));
  const rounds = Number(arg('rounds', '20'));
  const inputs = makeSeries(count);

  // Warm up the JIT on both loops.
  for (const input of inputs) assess(input);

  let sink = 0;
  const baselineStart = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) sink += input.observations[input.observations.length - 1]!.value;
  const baselineMs = performance.now() - baselineStart;

  const statuses = new Map<string, number>();
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const result = assess(input);
      if (r === 0) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    }
  }
  const ms = performance.now() - start;
  const perSecond = Math.round((count * rounds) / (ms / 1000));
  const baselinePerSecond = Math.round((count * rounds) / (baselineMs / 1000));

  printTable(
    `Progress engine, ${count.toLocaleString('en-US')} series × ${rounds} rounds, one core (goal ≥ 200,000/s)`,
    [
      { measure: 'assessments per second', value: perSecond },
      { measure: 'µs per assessment', value: (ms * 1000) / (count * rounds) },
      { measure: 'trivial loop over the same series, per second', value: baselinePerSecond },
      { measure: 'engine ÷ trivial loop', value: perSecond / baselinePerSecond },
    ],
  );
  console.log(
    `statuses in the sample: ${JSON.stringify(Object.fromEntries(statuses))} (checksum ${Math.round(sink) % 1000})`,
  );
  console.log(
    `\nresults: ${saveResults('engine', { count, rounds, perSecond, baselinePerSecond, statuses: Object.fromEntries(statuses) })}`,
  );
}

main();
