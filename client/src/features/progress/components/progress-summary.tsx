import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { formatShare, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { formatIndicatorValue } from '../utils/describe';
import { AmbitionPendingMark } from './ambition-pending';
import { GapSentence } from './gap-sentence';

/** The chart's story in words: latest value, ambition, and the gap sentence. */
export function ProgressSummary({ progress }: { progress: IndicatorProgress }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const value = (v: number): string => formatIndicatorValue(progress, v, lang);
  return (
    <span data-testid="progress-summary">
      {progress.latest === null
        ? t('progress.noData')
        : t('progress.latestSentence', {
            value: value(progress.latest.value),
            year: formatYear(progress.latest.year),
          })}{' '}
      {progress.ambition === null
        ? t('progress.noAmbition')
        : t('progress.ambitionSentence', {
            target: value(progress.ambition.targetValue),
            targetYear: formatYear(progress.ambition.targetYear),
            baseline: value(progress.ambition.baselineValue),
            baselineYear: formatYear(progress.ambition.baselineYear),
          })}
      {progress.ambition !== null && !progress.ambition.approved && (
        <>
          {' '}
          <AmbitionPendingMark ambition={progress.ambition} />
        </>
      )}{' '}
      {progress.ambition !== null && progress.actionGap !== null && (
        <GapSentence indicator={progress} withName={false} />
      )}{' '}
      <WithActionsSentence progress={progress} />
    </span>
  );
}

/**
 * What the planned actions change (docs/methodology.md#8-actions-and-the-remaining-gap):
 * "With the 2 planned actions the projected value is X; remaining gap Y (Z % of the gap covered)."
 * Nothing when no action's effect is counted.
 */
export function WithActionsSentence({ progress }: { progress: IndicatorProgress }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const layer = progress.actionGap?.withActions ?? null;
  if (layer === null || layer.counted.length === 0) return null;
  const value = formatIndicatorValue(progress, layer.projectedValue, lang);
  return (
    <span data-testid="with-actions-sentence">
      {layer.remainingGap <= 0
        ? t('actions.withActionsAhead', { count: layer.counted.length, value })
        : t('actions.withActionsSentence', {
            count: layer.counted.length,
            value,
            gap: formatIndicatorValue(progress, layer.remainingGap, lang),
            coverage: formatShare(Math.max(0, layer.coverage ?? 0), lang),
          })}
    </span>
  );
}
