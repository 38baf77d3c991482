import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rateVerdict, type Direction } from '../../../lib/rates';
import { useLanguage } from '../../../lib/i18n/use-language';
import { formatRate } from '../utils/describe';
import { Term } from '../../../components/ui/term';

/**
 * A yearly rate as every page shows it (docs/methodology.md#reading-the-numbers):
 * in the data's own direction ("−7.2 % a year" for a falling PM2.5) followed by
 * a word — better, worse or unchanged — that does not rely on colour.
 * `trend` "linear" shows units a year, anything else a percentage a year.
 */
export function RateChange({
  rate,
  trend,
  unit,
  decimals,
  direction,
  verdict = true,
}: {
  /** The change a year in the data's own direction (a fall is negative). */
  rate: number;
  trend: 'compound' | 'linear' | null;
  unit: string;
  decimals: number;
  direction: Direction;
  /** False for a required rate: the word is for what was observed. */
  verdict?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shown = t('progress.perYear', {
    rate: formatRate(rate, trend, unit, decimals, lang, t('progress.percentagePoints')),
  });
  const word = rateVerdict(rate, direction);
  return (
    <span className="rate-change" data-verdict={verdict ? word : undefined}>
      <span className="rate-change__value">{shown}</span>
      {verdict && (
        <>
          {' '}
          <span className={`rate-change__verdict rate-change__verdict--${word}`}>
            <span aria-hidden="true">{VERDICT_ICON[word]}</span>
            {t(`rates.${word}`)}
          </span>
        </>
      )}
    </span>
  );
}

const VERDICT_ICON: Record<ReturnType<typeof rateVerdict>, string> = {
  better: '\u2714\u00a0',
  worse: '\u2716\u00a0',
  unchanged: '=\u00a0',
};

/** "Observed rate" with its explanation and the methodology's section on reading rates. */
export function ObservedRateTerm(): ReactNode {
  const { t } = useTranslation();
  return (
    <Term term={t('progress.observedRate')} explanation={t('terms.rate')} anchor="reading-rates">
      {t('progress.observedRate')}
    </Term>
  );
}
