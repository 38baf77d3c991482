import type { HistoryEvent, WorkspaceIndicator } from '../api/workspace-api';
import { formatInteger, formatNumber, formatValue } from '../../../lib/format';

/** What a reader needs to know of an indicator to read a change: its name, unit and decimals. */
export interface IndicatorLabel {
  name: string;
  unit: string;
  decimals: number;
}

export interface ChangeContext {
  t: (key: string, options?: Record<string, unknown>) => string;
  locale: string;
  /** Indicators by slug (in the reader's language). */
  indicators: ReadonlyMap<string, IndicatorLabel>;
  /** Network names by slug. */
  networks: ReadonlyMap<string, string>;
}

/** One change in words: what happened, to what, the value before and after. */
export interface DescribedChange {
  what: string;
  subject: string;
  /** The series of a breakdown ("sex=female"), when the change is not the headline value. */
  series: string | null;
  before: string;
  after: string;
}

/** Indicators by slug with their name and unit in the reader's language. */
export function indicatorLabels(
  indicators: readonly WorkspaceIndicator[],
  language: string,
): Map<string, IndicatorLabel> {
  return new Map(
    indicators.map((i) => [
      i.slug,
      {
        name: i.translations[language]?.name ?? i.name,
        unit: i.translations[language]?.unit ?? i.unit,
        decimals: i.decimals,
      },
    ]),
  );
}

const record = (snapshot: unknown): Record<string, unknown> | null =>
  typeof snapshot === 'object' && snapshot !== null ? (snapshot as Record<string, unknown>) : null;

const numberIn = (snapshot: unknown, key: string): number | null => {
  const v = record(snapshot)?.[key];
  return typeof v === 'number' ? v : null;
};

/** "Youth NEET rate" for a known slug, else the slug made readable ("youth neet rate"). */
function indicatorName(slug: string, ctx: ChangeContext): string {
  return ctx.indicators.get(slug)?.name ?? slug.replace(/-/g, ' ');
}

function value(v: number | null, indicator: string, ctx: ChangeContext): string {
  if (v === null) return '—';
  const label = ctx.indicators.get(indicator);
  if (label === undefined) return formatNumber(v, ctx.locale, Number.isInteger(v) ? 0 : 2);
  return formatValue(v, ctx.locale, label.decimals, label.unit);
}

function ambition(snapshot: unknown, indicator: string, ctx: ChangeContext): string {
  const target = numberIn(snapshot, 'targetValue');
  const targetYear = numberIn(snapshot, 'targetYear');
  if (target === null || targetYear === null) return '—';
  const baseline = numberIn(snapshot, 'baselineValue');
  const baselineYear = numberIn(snapshot, 'baselineYear');
  return ctx.t('changes.ambitionValue', {
    target: value(target, indicator, ctx),
    targetYear: String(targetYear),
    baseline: value(baseline, indicator, ctx),
    baselineYear: baselineYear === null ? '—' : String(baselineYear),
  });
}

function state(snapshot: unknown, ctx: ChangeContext): string {
  const s = record(snapshot)?.state;
  return typeof s === 'string' ? ctx.t(`workspace.state.${s}`, { defaultValue: s }) : '';
}

/**
 * A change of the city's history in the reader's words: indicator names and
 * units instead of keys ("kosice/youth-neet-rate/2025"), values with the
 * indicator's decimals in the reader's locale, review states translated, an
 * ambition with its target and baseline before and after.
 */
export function describeChange(e: HistoryEvent, ctx: ChangeContext): DescribedChange {
  const { t } = ctx;
  const what = t(`workspace.action.${e.action.replace(/\./g, '_')}`, {
    defaultValue: t('changes.other', { action: e.action }),
  });
  const [path = '', ...seriesParts] = e.entity.split(' ');
  const series = seriesParts.length === 0 ? null : seriesParts.join(' ');
  const parts = path.split('/');
  const [, second = '', third = ''] = parts;

  if (e.action === 'import.committed') {
    const inserted = numberIn(e.after, 'inserted') ?? 0;
    const updated = numberIn(e.after, 'updated') ?? 0;
    return {
      what,
      subject: t('changes.importOf', { id: second }),
      series: null,
      before: '',
      after: t('changes.importCounts', {
        inserted: formatInteger(inserted, ctx.locale),
        updated: formatInteger(updated, ctx.locale),
        count: inserted + updated,
      }),
    };
  }
  if (e.action.startsWith('ambition.')) {
    return {
      what,
      subject: t('changes.ambitionOf', { indicator: indicatorName(second, ctx) }),
      series: null,
      before: ambition(e.before, second, ctx),
      after: ambition(e.after, second, ctx),
    };
  }
  // A year's review (city/network/year), or a comment on the year.
  if (
    e.action.startsWith('review.') &&
    (ctx.networks.has(second) || e.action !== 'review.commented')
  )
    return {
      what,
      // The network is named only when the city reports to several.
      subject:
        ctx.networks.size > 1
          ? t('changes.reviewOf', { year: third, network: ctx.networks.get(second) ?? second })
          : t('changes.reviewOfYear', { year: third }),
      series: null,
      before: e.action === 'review.commented' ? '' : state(e.before, ctx),
      after: e.action === 'review.commented' ? '' : state(e.after, ctx),
    };
  // A value (city/indicator/year), or a comment on it.
  if (e.action.startsWith('observation.') || e.action === 'review.commented') {
    const label = ctx.indicators.get(second);
    const subject =
      label === undefined || label.unit === ''
        ? t('changes.valueOf', { indicator: indicatorName(second, ctx), year: third })
        : t('changes.valueOfWithUnit', {
            indicator: label.name,
            unit: label.unit,
            year: third,
          });
    return {
      what,
      subject,
      series,
      before:
        e.action === 'review.commented' ? '' : value(numberIn(e.before, 'value'), second, ctx),
      after: e.action === 'review.commented' ? '' : value(numberIn(e.after, 'value'), second, ctx),
    };
  }
  return { what, subject: e.entity, series: null, before: '', after: '' };
}
