import type { CitySummary } from '@api/city.schema';
import type { NetworkDetail } from '@api/network.schema';
import type {
  ComparisonResponse,
  NetworkScoresResponse,
  ProgressStatusValue,
} from '@api/progress.schema';
import { STATUS_META, STATUS_ORDER } from '../../../components/ui/status-meta';
import { formatScore, formatValue } from '../../../lib/format';
import { classFill, classify, classOf, type ClassMethod, type Classing } from './classing';

/**
 * What the network map shows about each city, shaped from the API: a legend
 * entry (colour + shape or glyph, never colour alone) and a value text per
 * city; cities without coordinates are kept, to be listed beside the map.
 * Pure (no d3), so pages import it without loading the map code.
 */
export type MapMeasure =
  | { kind: 'index' }
  | { kind: 'goal'; goal: number }
  | { kind: 'status'; indicator: string }
  | { kind: 'value'; indicator: string };

/** `?map=` text → measure: index, goal-7, status:slug, value:slug; anything else is the index. */
export function parseMeasure(text: string | null | undefined): MapMeasure {
  const goal = /^goal-(\d{1,2})$/.exec(text ?? '');
  if (goal !== null) return { kind: 'goal', goal: Number(goal[1]) };
  const indicator = /^(status|value):([a-z0-9-]+)$/.exec(text ?? '');
  if (indicator !== null)
    return { kind: indicator[1] as 'status' | 'value', indicator: indicator[2]! };
  return { kind: 'index' };
}

/** The `?map=` text of a measure (undefined for the default, the index). */
export function measureParam(measure: MapMeasure): string | undefined {
  switch (measure.kind) {
    case 'index':
      return undefined;
    case 'goal':
      return `goal-${measure.goal}`;
    default:
      return `${measure.kind}:${measure.indicator}`;
  }
}

export type MarkerShape =
  'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'half' | 'cross';

export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  shape: MarkerShape;
  /** A character drawn on the marker (status icons). */
  glyph: string | null;
  count: number;
}

export interface MapMember {
  slug: string;
  name: string;
  isLead: boolean;
  latitude: number | null;
  longitude: number | null;
}

export interface MapPlace extends MapMember {
  /** The legend entry the city falls in. */
  key: string;
  valueText: string;
}

export interface NetworkMapModel {
  places: MapPlace[];
  legend: LegendEntry[];
  /** How numbers were classed (null for categories). */
  classing: Classing | null;
}

export interface MapText {
  t: (key: string, options?: Record<string, unknown>) => string;
  lang: string;
}

/** The network's members with the coordinates of the cities list (the member list has none). */
export function mapMembers(
  members: NetworkDetail['members'],
  cities: readonly CitySummary[] | undefined,
): MapMember[] {
  const bySlug = new Map((cities ?? []).map((c) => [c.slug, c]));
  return members.map((m) => ({
    slug: m.slug,
    name: m.name,
    isLead: m.role === 'lead_partner',
    latitude: bySlug.get(m.slug)?.latitude ?? null,
    longitude: bySlug.get(m.slug)?.longitude ?? null,
  }));
}

export const NO_VALUE = 'none';
const NO_VALUE_FILL = '#ffffff';

const VALUE_SHAPES: readonly MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangle-down',
];

/** SDSN dashboard colours, each with the shape of its glyph in the heatmap (● ◐ ▲ ■). */
const GOAL_COLOURS = {
  green: { fill: '#2e9e4f', shape: 'circle' },
  yellow: { fill: '#f2c500', shape: 'half' },
  orange: { fill: '#f08c2e', shape: 'triangle' },
  red: { fill: '#d93a2f', shape: 'square' },
} as const satisfies Record<string, { fill: string; shape: MarkerShape }>;

/** The status fills of the distribution bar (app.css --fill-*). */
const STATUS_FILLS: Readonly<Record<ProgressStatusValue, string>> = {
  target_achieved: '#0a6b2e',
  on_track: '#4caf6e',
  acceleration_needed: '#f0c419',
  limited_progress: '#f08c2e',
  deterioration: '#d93a2f',
  insufficient_data: '#aab4be',
};

function countIn(legend: LegendEntry[], places: MapPlace[]): LegendEntry[] {
  return legend.map((entry) => ({
    ...entry,
    count: places.filter((p) => p.key === entry.key).length,
  }));
}

/** Numbers classed into at most k classes; one shape and shade per class, plus "no value". */
export function numericModel(
  members: readonly MapMember[],
  valueOf: (slug: string) => number | null,
  format: (value: number) => string,
  text: MapText,
  options: { classes?: number; method?: ClassMethod } = {},
): NetworkMapModel {
  const values = members.flatMap((m) => {
    const v = valueOf(m.slug);
    return v === null ? [] : [v];
  });
  const classing = classify(values, options.classes ?? 4, options.method ?? 'quantile');
  const n = classing.classes.length;
  const legend: LegendEntry[] = classing.classes.map((c) => ({
    key: `class-${c.index}`,
    label:
      c.min === null || c.max === null
        ? text.t('maps.classRange', { from: format(c.lower), to: format(c.upper) })
        : c.min === c.max
          ? format(c.min)
          : text.t('maps.classRange', { from: format(c.min), to: format(c.max) }),
    fill: classFill(c.index, n),
    shape: VALUE_SHAPES[c.index % VALUE_SHAPES.length]!,
    glyph: null,
    count: 0,
  }));
  legend.push({
    key: NO_VALUE,
    label: text.t('maps.noValue'),
    fill: NO_VALUE_FILL,
    shape: 'cross',
    glyph: null,
    count: 0,
  });
  const places = members.map((m) => {
    const v = valueOf(m.slug);
    return {
      ...m,
      key: v === null ? NO_VALUE : `class-${classOf(v, classing.thresholds)}`,
      valueText: v === null ? text.t('maps.noValue') : format(v),
    };
  });
  return { places, legend: countIn(legend, places), classing };
}

/** The map of one measure: the SDG index, a goal's colour, an indicator's status or value. */
export function networkMapModel(
  members: readonly MapMember[],
  measure: MapMeasure,
  inputs: { scores?: NetworkScoresResponse; comparison?: ComparisonResponse },
  text: MapText,
): NetworkMapModel {
  const { t, lang } = text;
  const scoreOf = new Map((inputs.scores?.cities ?? []).map((c) => [c.slug, c]));
  switch (measure.kind) {
    case 'index':
      return numericModel(
        members,
        (slug) => scoreOf.get(slug)?.index ?? null,
        (v) => formatScore(v, lang),
        text,
      );
    case 'goal': {
      const legend: LegendEntry[] = [
        ...(['green', 'yellow', 'orange', 'red'] as const).map((colour) => ({
          key: colour,
          label: t(`colour.${colour}`),
          fill: GOAL_COLOURS[colour].fill,
          shape: GOAL_COLOURS[colour].shape,
          glyph: null,
          count: 0,
        })),
        {
          key: NO_VALUE,
          label: t('colour.none'),
          fill: NO_VALUE_FILL,
          shape: 'cross',
          glyph: null,
          count: 0,
        },
      ];
      const places = members.map((m) => {
        const goal = scoreOf.get(m.slug)?.goals.find((g) => g.goal === measure.goal);
        const key = goal?.colour ?? NO_VALUE;
        return {
          ...m,
          key,
          valueText:
            goal === undefined || goal.score === null
              ? t('colour.none')
              : `${formatScore(goal.score, lang)} · ${t(`colour.${key}`)}`,
        };
      });
      return { places, legend: countIn(legend, places), classing: null };
    }
    case 'status': {
      const comparison =
        inputs.comparison?.indicator.slug === measure.indicator ? inputs.comparison : undefined;
      const statusOf = new Map((comparison?.cities ?? []).map((c) => [c.slug, c.status]));
      const legend: LegendEntry[] = STATUS_ORDER.filter(
        (s): s is ProgressStatusValue => s !== 'stale',
      ).map((status) => ({
        key: status,
        label: t(`status.${status}`),
        fill: STATUS_FILLS[status],
        shape: 'circle',
        glyph: STATUS_META[status].icon,
        count: 0,
      }));
      const places = members.map((m) => {
        const status = statusOf.get(m.slug) ?? 'insufficient_data';
        return { ...m, key: status, valueText: t(`status.${status}`) };
      });
      return { places, legend: countIn(legend, places), classing: null };
    }
    case 'value': {
      const comparison =
        inputs.comparison?.indicator.slug === measure.indicator ? inputs.comparison : undefined;
      const indicator =
        comparison?.indicator ??
        inputs.scores?.indicators.find((i) => i.slug === measure.indicator);
      const fromComparison = new Map(
        (comparison?.cities ?? []).map((c) => [c.slug, c.latest?.value ?? null]),
      );
      const valueOf = (slug: string): number | null =>
        comparison !== undefined
          ? (fromComparison.get(slug) ?? null)
          : (scoreOf.get(slug)?.indicators.find((i) => i.indicator === measure.indicator)?.value ??
            null);
      return numericModel(
        members,
        valueOf,
        (v) => formatValue(v, lang, indicator?.decimals ?? 1, indicator?.unit ?? ''),
        text,
      );
    }
  }
}
