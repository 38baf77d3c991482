import { NumberMap } from '../../domain/number-map';
import { assessSeries, type YearValue } from '../../domain/plausibility';
import type { Repositories } from '../../repositories/unit-of-work';
import { describeFlag } from '../flag-messages';
import type { CatalogueIndicator } from './catalogue';
import { seriesKey, type SeriesNumbers, type StagedColumns } from './staged-columns';

export interface ImportFlag {
  row: number;
  city: string;
  indicator: string;
  year: number;
  message: string;
}

export interface PlausibilityResult {
  /** Every flag, to store with its value. */
  flags: Array<{
    cityId: number;
    indicatorId: number;
    series: string;
    year: number;
    flag: unknown;
  }>;
  /** The first `maxListed`, by row, for the report. */
  listed: ImportFlag[];
}

/** The staged rows grouped by series: series s holds rows order[start[s]] … order[start[s + 1] - 1]. */
interface SeriesGroups {
  /** (city, indicator, series number) key → series index. */
  index: NumberMap;
  city: number[];
  indicator: number[];
  number: number[];
  start: Int32Array;
  order: Int32Array;
}

/** Groups the staged rows by series with a counting sort over the typed arrays: no per-row objects. */
function groupBySeries(staged: StagedColumns): SeriesGroups {
  const columns = staged.seal();
  const n = columns.length;
  const index = new NumberMap(Math.max(16, n >> 2));
  const city: number[] = [];
  const indicator: number[] = [];
  const number: number[] = [];
  const seriesOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = seriesKey(columns.city[i]!, columns.indicator[i]!, columns.series[i]!);
    let s = index.get(key);
    if (s === undefined) {
      s = city.length;
      index.set(key, s);
      city.push(columns.city[i]!);
      indicator.push(columns.indicator[i]!);
      number.push(columns.series[i]!);
    }
    seriesOf[i] = s;
  }
  const count = city.length;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[seriesOf[i]! + 1]!++;
  for (let s = 0; s < count; s++) start[s + 1]! += start[s]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let i = 0; i < n; i++) order[fill[seriesOf[i]!]!++] = i;
  return { index, city, indicator, number, start, order };
}

/**
 * Flags staged values whose change from the previous year is implausible,
 * series by series (the staged rows with the stored ones). Rows are grouped
 * with a counting sort over the typed arrays: no per-row objects.
 */
export async function plausibilityPass(
  repos: Repositories,
  columns: StagedColumns,
  seriesNumbers: SeriesNumbers,
  indicatorsById: ReadonlyMap<number, CatalogueIndicator>,
  citySlugs: ReadonlyMap<number, string>,
  maxListed: number,
): Promise<PlausibilityResult> {
  const groups = groupBySeries(columns);
  const { start, order } = groups;
  const existing = new Map<number, YearValue[]>();
  for (const point of await repos.imports.existingSeries()) {
    const number = seriesNumbers.find(point.series);
    if (number === undefined) continue;
    const s = groups.index.get(seriesKey(point.cityId, point.indicatorId, number));
    if (s === undefined) continue;
    const list = existing.get(s) ?? [];
    list.push({ year: point.year, value: point.value });
    existing.set(s, list);
  }

  const result: PlausibilityResult = { flags: [], listed: [] };
  for (let s = 0; s < groups.city.length; s++) {
    const indicator = indicatorsById.get(groups.indicator[s]!);
    const stored = existing.get(s) ?? [];
    const total = start[s + 1]! - start[s]! + stored.length;
    // A jump needs a previous year; the z-test needs three more changes (a maximum change needs none).
    if (indicator === undefined || total < 2 || (total < 5 && indicator.maxChange === null))
      continue;
    const points: YearValue[] = [...stored];
    const rowOfYear = new Map<number, number>();
    for (let k = start[s]!; k < start[s + 1]!; k++) {
      const i = order[k]!;
      points.push({ year: columns.year[i]!, value: columns.value[i]! });
      rowOfYear.set(columns.year[i]!, columns.row[i]!);
    }
    for (const flag of assessSeries(points, [...rowOfYear.keys()], indicator.maxChange)) {
      const message = describeFlag(flag, indicator);
      result.flags.push({
        cityId: groups.city[s]!,
        indicatorId: indicator.id,
        series: seriesNumbers.keyOf(groups.number[s]!),
        year: flag.year,
        flag: { ...flag, message },
      });
      if (result.listed.length < maxListed) {
        result.listed.push({
          row: rowOfYear.get(flag.year) ?? 0,
          city: citySlugs.get(groups.city[s]!) ?? '',
          indicator: indicator.slug,
          year: flag.year,
          message,
        });
      }
    }
  }
  result.listed.sort((a, b) => a.row - b.row);
  return result;
}
