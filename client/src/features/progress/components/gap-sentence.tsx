import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { formatIndicatorValue, formatPace } from '../utils/describe';
import { gapSentenceParts } from '../utils/gap-chart';

/**
 * One plain sentence for an action gap: "Recycling: at today's pace 46 % in
 * 2030, target 65 % — needs 2.4× the current pace".
 */
export function GapSentence({
  indicator,
  withName = true,
}: {
  indicator: IndicatorProgress;
  withName?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const parts = gapSentenceParts(indicator);
  if (parts === null) {
    if (indicator.ambition === null) return <>{t('progress.noAmbition')}</>;
    return <>{t('progress.noProjection')}</>;
  }
  const values = {
    name: parts.name,
    projected: formatIndicatorValue(indicator, parts.projected, lang),
    year: formatYear(parts.targetYear),
    target: formatIndicatorValue(indicator, parts.targetValue, lang),
    pace: parts.paceRatio === null ? '' : formatPace(parts.paceRatio, lang),
  };
  const key = parts.ahead
    ? 'progress.gapSentenceAhead'
    : parts.paceRatio === null
      ? 'progress.gapSentenceReverse'
      : parts.paceRatio <= 1
        ? 'progress.gapSentenceOnPace'
        : 'progress.gapSentence';
  const sentence = t(key, values);
  if (withName) return <>{t('progress.namedSentence', { name: parts.name, sentence })}</>;
  // On its own the fragment starts a sentence.
  return <>{`${sentence.charAt(0).toLocaleUpperCase(lang)}${sentence.slice(1)}.`}</>;
}
