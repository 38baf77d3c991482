import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { formatIndicatorValue } from '../utils/describe';
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
          })}{' '}
      {progress.ambition !== null && progress.actionGap !== null && (
        <GapSentence indicator={progress} withName={false} />
      )}
    </span>
  );
}
