import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { ChartFigure } from '../../../components/ui/chart-frame';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatShare, formatValue, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { indicatorProgressQuery } from '../../progress/api/progress-api';
import { GapDataTable } from '../../progress/components/gap-data-table';
import { LazyActionGapChart } from '../../progress/components/lazy-action-gap-chart';
import type { Action, ActionStatus } from '../api/actions-api';
import {
  otherCountedDueEffects,
  otherCountedEffects,
  previewChartPoints,
  previewGap,
} from '../utils/action-plan';

/** The effect of one linked indicator as the officer typed it; null where the number or year is not one yet. */
export interface TypedEffect {
  indicator: string;
  /** The indicator's name in the reader's language. */
  indicatorName: string;
  parsed: { effect: number; effectYear: number; realised: boolean } | null;
}

/** As tall as the indicator page's chart less a little: on a phone the legend takes a third of it. */
const CHART_HEIGHT = 300;

/**
 * What this action's effect on one indicator does to its projection and gap,
 * as the officer types (docs/methodology.md#8-actions-and-the-remaining-gap):
 * a sentence (announced politely) and the indicator's action-gap chart with
 * its table, whose "with planned actions" path is redrawn from the other
 * counted actions' effects and this one's. Without an ambition there is no
 * gap to preview, and it says so.
 */
export function EffectPreview({
  city,
  effect,
  status,
  progress,
  actions,
  actionId,
}: {
  city: string;
  effect: TypedEffect;
  status: ActionStatus;
  /** The indicator's progress in the city (members' working copy); undefined when unknown. */
  progress: IndicatorProgress | undefined;
  /** The plan's actions, whose counted effects the preview adds. */
  actions: readonly Action[];
  /** The edited action (never counted twice); null for a new one. */
  actionId: number | null;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const gap = progress?.actionGap ?? null;
  const canPreview =
    progress !== undefined &&
    progress.ambition !== null &&
    gap !== null &&
    gap.projectedValue !== null;
  // The chart's points (observed, required path, projection, target) as the indicator page draws them.
  const detail = useQuery({
    ...indicatorProgressQuery(city, effect.indicator, undefined, lang),
    enabled: canPreview,
  });

  if (progress !== undefined && progress.ambition === null)
    return (
      <p className="muted small" data-testid="action-preview-none">
        {t('actions.form.noAmbition', { indicator: effect.indicatorName })}
      </p>
    );
  if (!canPreview)
    return (
      <p className="muted small" data-testid="action-preview-none">
        {t('actions.form.noPreview')}
      </p>
    );
  const ambition = progress.ambition!;
  const counted = gap!.withActions?.counted ?? [];
  const preview = previewGap({
    direction: progress.direction,
    targetValue: ambition.targetValue,
    targetYear: ambition.targetYear,
    projectedValue: gap!.projectedValue!,
    otherEffects: otherCountedEffects(actions, progress.slug, counted, actionId),
    effect: effect.parsed,
    status,
  });
  const fmt = (v: number): string => formatValue(v, lang, progress.decimals, progress.unit);
  const before = gap!.gap ?? null;
  const label = t('actions.form.previewHeading');

  let chart: ReactNode;
  if (detail.isPending) chart = <LoadingState lines={3} />;
  else if (detail.isError)
    chart = <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  else if (detail.data.chart.length === 0) chart = null;
  else {
    const points = previewChartPoints(detail.data.chart, progress.components.latestYear, [
      ...otherCountedDueEffects(actions, progress.slug, counted, actionId),
      ...(preview.counts && effect.parsed !== null ? [effect.parsed] : []),
    ]);
    chart = (
      <ChartFigure
        testId="action-preview-chart"
        caption={t('actions.form.previewChartCaption', { indicator: effect.indicatorName })}
        height={CHART_HEIGHT}
        chart={
          <LazyActionGapChart
            points={points}
            decimals={progress.decimals}
            unit={progress.unit}
            direction={progress.direction}
            height={CHART_HEIGHT}
            withActionsLabel={label}
          />
        }
        table={
          <GapDataTable
            points={points}
            decimals={progress.decimals}
            unit={progress.unit}
            caption={t('actions.form.previewTableCaption', { indicator: effect.indicatorName })}
            withActionsLabel={label}
          />
        }
      />
    );
  }

  return (
    <div
      className="action-preview-block"
      role="group"
      aria-labelledby={headingId}
      data-testid="action-preview-block"
    >
      <h4 id={headingId} className="action-preview-block__heading">
        {label}
      </h4>
      <div aria-live="polite">
        <p className="action-preview small" data-testid="action-preview">
          {t('actions.form.preview', {
            year: formatYear(ambition.targetYear),
            value: fmt(preview.projectedValue),
            target: fmt(ambition.targetValue),
          })}{' '}
          <strong data-testid="preview-remaining">
            {preview.remainingGap <= 0
              ? t('actions.form.previewAhead')
              : t('actions.form.previewRemaining', { gap: fmt(preview.remainingGap) })}
          </strong>
          {before !== null && before > 0 && preview.remainingGap > 0 && (
            <>
              {' '}
              {t('actions.form.previewCovered', {
                coverage: formatShare(Math.max(0, (before - preview.remainingGap) / before), lang),
              })}
            </>
          )}
          {!preview.counts && effect.parsed !== null && <> {t('actions.form.notCounted')}</>}
        </p>
      </div>
      {chart}
    </div>
  );
}
