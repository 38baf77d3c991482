import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress, ProgressStatusValue } from '@api/progress.schema';
import { StatusBadge } from '../../../components/ui/status-badge';
import { formatNumber, formatShare, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { formatDifference, formatIndicatorValue, formatPace } from '../utils/describe';
import { Term } from '../../../components/ui/term';
import { AmbitionPendingMark } from './ambition-pending';
import { ObservedRateTerm, RateChange } from './rate-change';
import { TableScroll } from '../../../components/ui/table-scroll';

/** A rate of change of the indicator in its own unit and direction, or a dash. */
function rateOrDash(progress: IndicatorProgress, r: number | null, verdict: boolean): ReactNode {
  return r === null ? (
    '—'
  ) : (
    <RateChange
      rate={r}
      trend={progress.trend}
      unit={progress.unit}
      decimals={progress.decimals}
      direction={progress.direction}
      verdict={verdict}
    />
  );
}

/**
 * "How this status was computed": the components of the assessment in words
 * and figures, so an officer can check every step against the methodology.
 */
export function StatusExplanation({ progress }: { progress: IndicatorProgress }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const c = progress.components;
  const value = (v: number | null): string =>
    v === null ? '—' : formatIndicatorValue(progress, v, lang);
  // Rates in the data's own direction; the observed one says whether it is better or worse.
  const rate = (r: number | null, verdict = false): ReactNode => rateOrDash(progress, r, verdict);
  const withTarget = progress.ambition !== null;
  const ratioName = withTarget ? 'R' : 'P';
  const threshold = (x: number): string =>
    withTarget ? formatNumber(x, lang, 2) : formatShare(x, lang, 1);
  const { onTrack, accelerationNeeded, limitedProgress } = c.thresholds;
  // The condition of each status on the ratio, best first ("target achieved" only with a target).
  const conditions: ReadonlyArray<readonly [ProgressStatusValue, string]> = [
    ...(withTarget ? [['target_achieved', t('progress.conditionAchieved')] as const] : []),
    ['on_track', `${ratioName} \u2265 ${threshold(onTrack)}`],
    [
      'acceleration_needed',
      `${threshold(accelerationNeeded)} \u2264 ${ratioName} < ${threshold(onTrack)}`,
    ],
    [
      'limited_progress',
      `${threshold(limitedProgress)} \u2264 ${ratioName} < ${threshold(accelerationNeeded)}`,
    ],
    ['deterioration', `${ratioName} < ${threshold(limitedProgress)}`],
  ];
  return (
    <div className="explanation" data-testid="status-explanation">
      <p>
        <StatusBadge status={progress.status} />{' '}
        {progress.score !== null && (
          <Term term={t('terms.scoreTerm')} explanation={t('terms.score')} anchor="reading-score">
            <span className="muted">
              {t('progress.scoreOf', { score: formatNumber(progress.score, lang, 2) })}
            </span>
          </Term>
        )}
      </p>
      <p>{t(`progress.explain.${progress.status}`)}</p>
      <dl className="facts">
        <dt>{t('progress.baseline')}</dt>
        <dd>
          {c.baselineYear === null ? (
            '—'
          ) : (
            <>
              {value(c.baselineValue)} ({formatYear(c.baselineYear)})
              {c.baselineSource !== null && (
                <span className="muted small">
                  {' '}
                  · {t(`progress.baselineSource.${c.baselineSource}`)}
                </span>
              )}
            </>
          )}
        </dd>
        <dt>{t('progress.latest')}</dt>
        <dd>
          {c.latestYear === null ? '—' : `${value(c.latestValue)} (${formatYear(c.latestYear)})`}
        </dd>
        {progress.ambition !== null && (
          <>
            <dt>{t('progress.target')}</dt>
            <dd>
              {value(progress.ambition.targetValue)} ({formatYear(progress.ambition.targetYear)})
              {!progress.ambition.approved && (
                <>
                  {' '}
                  <AmbitionPendingMark ambition={progress.ambition} short />
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t('progress.trendType')}</dt>
        <dd>{progress.trend === null ? '—' : t(`progress.trendTypes.${progress.trend}`)}</dd>
        <dt>
          <ObservedRateTerm />
        </dt>
        <dd>{rate(c.observedRate, true)}</dd>
        {withTarget && (
          <>
            <dt>{t('progress.requiredRate')}</dt>
            <dd>{rate(c.requiredRate)}</dd>
          </>
        )}
        <dt>{withTarget ? t('progress.ratioR') : t('progress.ratioP')}</dt>
        <dd>
          {c.ratio === null
            ? '—'
            : withTarget
              ? formatNumber(c.ratio, lang, 2)
              : formatShare(c.ratio, lang, 1)}
        </dd>
      </dl>
      <TableScroll label={t('progress.thresholdsCaption')}>
        <table className="table table--compact">
          <caption>{t('progress.thresholdsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.status')}</th>
              <th scope="col">{t('progress.condition')}</th>
            </tr>
          </thead>
          <tbody>
            {conditions.map(([status, condition]) => (
              <tr key={status}>
                <th scope="row">
                  <StatusBadge status={status} />
                </th>
                <td>{condition}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {progress.notes.length > 0 && (
        <ul className="small" lang="en">
          {progress.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The action-gap figures beside each other: where the city should be, where it is heading. */
export function ActionGapFigures({ progress }: { progress: IndicatorProgress }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const gap = progress.actionGap;
  if (gap === null || progress.ambition === null) return null;
  const value = (v: number | null): string =>
    v === null ? '—' : formatIndicatorValue(progress, v, lang);
  const rate = (r: number | null): ReactNode => rateOrDash(progress, r, false);
  const difference = (v: number | null): string =>
    v === null ? '—' : formatDifference(progress, v, lang, t('terms.ppShort'));
  return (
    <dl className="facts" data-testid="action-gap-figures">
      <dt>{t('progress.expectedNow')}</dt>
      <dd>{value(gap.expectedNow)}</dd>
      <dt>{t('progress.gapNow')}</dt>
      <dd>{difference(gap.gapNow)}</dd>
      <dt>{t('progress.projectedValue', { year: formatYear(progress.ambition.targetYear) })}</dt>
      <dd>{value(gap.projectedValue)}</dd>
      <dt>
        <Term term={t('progress.gapAtTarget')} explanation={t('terms.gap')} anchor="reading-gap">
          {t('progress.gapAtTarget')}
        </Term>
      </dt>
      <dd>
        {difference(gap.gap)}
        {gap.gapShare !== null && (
          <span className="muted">
            {' '}
            (
            <Term term={t('terms.shareTerm')} explanation={t('terms.share')} anchor="reading-gap">
              {t('progress.ofAmbition', { share: formatShare(gap.gapShare, lang) })}
            </Term>
            )
          </span>
        )}
      </dd>
      <dt>{t('progress.requiredRateFromNow')}</dt>
      <dd>{rate(gap.requiredRateFromNow)}</dd>
      <dt>{t('progress.paceRatio')}</dt>
      <dd>
        {gap.paceRatio === null ? t('progress.paceReverse') : formatPace(gap.paceRatio, lang)}
      </dd>
      <dt>{t('progress.projectedYear')}</dt>
      <dd>{gap.projectedYear === null ? t('progress.never') : formatYear(gap.projectedYear)}</dd>
    </dl>
  );
}
