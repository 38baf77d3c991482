import type { TFunction } from 'i18next';
import type {
  CityProgressResponse,
  ComparisonResponse,
  GapChartPoint,
  NetworkScoresResponse,
} from '@api/progress.schema';
import { csvFile, fileSlug, type CsvCell } from '../../lib/csv-file';

/*
 * The tables the dashboard's pages show, as CSV files built from the data the
 * page already has (where the server has no export of that view). Headers are
 * in the reader's language and name the unit; numbers are the stored values,
 * unformatted (dot decimal separator); text cells never run as formulas.
 */

export interface CsvDownload {
  fileName: string;
  text: string;
}

/** "Latest value (µg/m³)", or the label alone for a unitless indicator. */
function withUnit(label: string, unit: string): string {
  return unit === '' ? label : `${label} (${unit})`;
}

/** The year in a file name: the one chosen, else the data's, else "latest". */
function yearPart(chosen: number | undefined, data: number | null): string {
  return String(chosen ?? data ?? 'latest');
}

/** A city's indicators in the chosen year: `kosice-progress-2024.csv`. */
export function cityProgressCsv(
  progress: CityProgressResponse,
  year: number | undefined,
  t: TFunction,
): CsvDownload {
  const header = [
    t('downloads.col.goal'),
    t('downloads.col.indicator'),
    t('downloads.col.unit'),
    t('downloads.col.year'),
    t('downloads.col.value'),
    t('downloads.col.baselineYear'),
    t('downloads.col.baselineValue'),
    t('downloads.col.targetYear'),
    t('downloads.col.targetValue'),
    t('downloads.col.status'),
    t('downloads.col.score'),
  ];
  const rows = [...progress.indicators]
    .sort((a, b) => (a.goal ?? 99) - (b.goal ?? 99) || a.name.localeCompare(b.name))
    .map((i): CsvCell[] => [
      i.goal,
      i.name,
      i.unit,
      i.latest?.year,
      i.latest?.value,
      i.ambition?.baselineYear,
      i.ambition?.baselineValue,
      i.ambition?.targetYear,
      i.ambition?.targetValue,
      t(`status.${i.status}`),
      i.normalised,
    ]);
  return {
    fileName: `${fileSlug(progress.city.slug, 'progress', yearPart(year, progress.year))}.csv`,
    text: csvFile(header, rows),
  };
}

/** The action-gap chart's numbers of one indicator in one city, one row a year. */
export function gapChartCsv(
  args: {
    city: string;
    indicator: { slug: string; unit: string };
    points: readonly GapChartPoint[];
    year: number | undefined;
    dataYear: number | null;
  },
  t: TFunction,
): CsvDownload {
  const { points, indicator } = args;
  const columns: ReadonlyArray<{ key: keyof GapChartPoint; label: string }> = [
    { key: 'observed', label: t('chart.observed') },
    { key: 'required', label: t('chart.required') },
    { key: 'projected', label: t('chart.projected') },
    { key: 'withActions', label: t('actions.chartLine') },
    { key: 'target', label: t('chart.target') },
  ];
  const present = columns.filter((c) =>
    points.some((p) => p[c.key] !== null && p[c.key] !== undefined),
  );
  const header = [
    t('downloads.col.year'),
    ...present.map((c) => withUnit(c.label, indicator.unit)),
  ];
  const rows = points.map((p): CsvCell[] => [p.year, ...present.map((c) => p[c.key])]);
  return {
    fileName: `${fileSlug(args.city, indicator.slug, yearPart(args.year, args.dataYear))}.csv`,
    text: csvFile(header, rows),
  };
}

/** A network's ranking and goal scores (the heatmap's numbers), one row a city. */
export function networkScoresCsv(
  scores: NetworkScoresResponse,
  year: number | undefined,
  t: TFunction,
): CsvDownload {
  const header = [
    t('downloads.col.rank'),
    t('downloads.col.city'),
    t('downloads.col.country'),
    t('downloads.col.index'),
    ...scores.goals.map((goal) => t('downloads.col.goalScore', { goal })),
    t('downloads.col.coverage'),
    ...(scores.includesDrafts ? [t('downloads.col.drafts')] : []),
  ];
  const rows = [...scores.cities]
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        (b.index ?? -Infinity) - (a.index ?? -Infinity) ||
        a.name.localeCompare(b.name),
    )
    .map((c): CsvCell[] => {
      const byGoal = new Map(c.goals.map((g) => [g.goal, g.score]));
      return [
        c.rank,
        c.name,
        c.countryCode,
        c.index,
        ...scores.goals.map((goal) => byGoal.get(goal)),
        c.coverage,
        ...(scores.includesDrafts ? [c.hasDrafts ? t('downloads.yes') : t('downloads.no')] : []),
      ];
    });
  return {
    fileName: `${fileSlug(scores.network.slug, 'scores', yearPart(year, scores.year))}.csv`,
    text: csvFile(header, rows),
  };
}

/** One indicator across a network's cities: latest value, score, target and status. */
export function comparisonCsv(
  data: ComparisonResponse,
  year: number | undefined,
  t: TFunction,
  sourceOf: (city: string, year: number) => string | null | undefined = () => undefined,
): CsvDownload {
  const ind = data.indicator;
  const header = [
    t('downloads.col.city'),
    t('downloads.col.year'),
    withUnit(t('downloads.col.latestValue'), ind.unit),
    t('compare.normalised'),
    t('downloads.col.targetYear'),
    withUnit(t('downloads.col.targetValue'), ind.unit),
    t('downloads.col.status'),
    t('downloads.col.source'),
    ...(data.includesDrafts ? [t('downloads.col.drafts')] : []),
  ];
  const rows = [...data.cities]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c): CsvCell[] => [
      c.name,
      c.latest?.year,
      c.latest?.value,
      c.normalised,
      c.ambition?.targetYear,
      c.ambition?.targetValue,
      t(`status.${c.status}`),
      c.latest === null ? null : sourceOf(c.slug, c.latest.year),
      ...(data.includesDrafts ? [c.hasDrafts ? t('downloads.yes') : t('downloads.no')] : []),
    ]);
  return {
    fileName: `${fileSlug(data.network.slug, ind.slug, yearPart(year, data.year))}.csv`,
    text: csvFile(header, rows),
  };
}

/** Every city's values of the indicator by year (the trajectories' numbers), one column a year. */
export function comparisonByYearCsv(data: ComparisonResponse, t: TFunction): CsvDownload {
  const ind = data.indicator;
  const years = [...new Set(data.cities.flatMap((c) => c.series.map((p) => p.year)))].sort(
    (a, b) => a - b,
  );
  const header = [
    withUnit(t('downloads.col.cityByYear', { indicator: ind.name }), ind.unit),
    ...years.map(String),
  ];
  const rows = [...data.cities]
    .filter((c) => c.series.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c): CsvCell[] => {
      const byYear = new Map(c.series.map((p) => [p.year, p.value]));
      return [c.name, ...years.map((y) => byYear.get(y))];
    });
  return {
    fileName: `${fileSlug(data.network.slug, ind.slug, 'by-year')}.csv`,
    text: csvFile(header, rows),
  };
}
