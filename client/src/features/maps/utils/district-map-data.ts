import { isHeadline } from '../../../lib/series';
import {
  classFill,
  classify,
  classOf,
  classTextColour,
  type ClassMethod,
  type Classing,
} from './classing';

/**
 * A district map's numbers, shaped from a city's values of one indicator:
 * the series whose `geocode` is a boundary's code, in one year, classed;
 * with the whole city's (headline) value to compare each district with.
 * Pure, so the legend and table are tested with literal data.
 */
export type DistrictComparison = 'better' | 'similar' | 'worse';

export interface DistrictRow {
  code: string;
  name: string;
  value: number | null;
  /** Compared with the whole city, in the indicator's direction. */
  comparison: DistrictComparison | null;
  classIndex: number | null;
}

export interface DistrictMapData {
  year: number | null;
  /** Years with at least one district value, latest last. */
  years: number[];
  headline: number | null;
  rows: DistrictRow[];
  classing: Classing;
  fills: string[];
}

interface ValueLike {
  series: Readonly<Record<string, string>>;
  year: number;
  value: number;
}

/** Codes of the boundaries that have at least one value in the data. */
export function codesWithValues(
  observations: readonly ValueLike[],
  codes: ReadonlySet<string>,
): Set<string> {
  return new Set(
    observations.flatMap((o) =>
      o.series.geocode !== undefined && codes.has(o.series.geocode) ? [o.series.geocode] : [],
    ),
  );
}

/** How a district compares with the city: equal once rounded to the shown decimals is "similar". */
export function compareWithCity(
  value: number,
  city: number | null,
  direction: 'increase' | 'decrease',
  decimals: number,
): DistrictComparison | null {
  if (city === null) return null;
  const round = (v: number): number => Math.round(v * 10 ** decimals);
  if (round(value) === round(city)) return 'similar';
  return value > city === (direction === 'increase') ? 'better' : 'worse';
}

export function districtMapData(
  observations: readonly ValueLike[],
  districts: ReadonlyArray<{ code: string; name: string | null }>,
  options: {
    year?: number | null;
    method: ClassMethod;
    classes?: number;
    direction: 'increase' | 'decrease';
    decimals: number;
  },
): DistrictMapData {
  const codes = new Set(districts.map((d) => d.code));
  const ofDistricts = observations.filter(
    (o) => o.series.geocode !== undefined && codes.has(o.series.geocode),
  );
  const years = [...new Set(ofDistricts.map((o) => o.year))].sort((a, b) => a - b);
  const year =
    options.year !== undefined && options.year !== null && years.includes(options.year)
      ? options.year
      : (years[years.length - 1] ?? null);
  const valueOf = new Map(
    ofDistricts.filter((o) => o.year === year).map((o) => [o.series.geocode!, o.value]),
  );
  const headline = observations.find((o) => o.year === year && isHeadline(o.series))?.value ?? null;
  const classing = classify([...valueOf.values()], options.classes ?? 5, options.method);
  const fills = classing.classes.map((c) => classFill(c.index, classing.classes.length));
  const rows = districts
    .map((d) => {
      const value = valueOf.get(d.code) ?? null;
      return {
        code: d.code,
        name: d.name ?? d.code,
        value,
        comparison:
          value === null
            ? null
            : compareWithCity(value, headline, options.direction, options.decimals),
        classIndex: value === null ? null : classOf(value, classing.thresholds),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return { year, years, headline, rows, classing, fills };
}

export { classTextColour };
