import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { ChartFigure } from '../../../components/ui/chart-frame';
import { LocalLink } from '../../../components/ui/local-link';
import { StatusBadge } from '../../../components/ui/status-badge';
import { FlagMarks } from '../../../components/ui/value-flags';
import type { ValueFlag } from '../../../lib/series';
import { formatSigned, formatYear } from '../../../lib/format';
import { inDataDirection } from '../../../lib/rates';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import { useIndicatorProgress, usePeers } from '../api/progress-api';
import { formatStoredIndicatorValue } from '../utils/describe';
import { GapDataTable } from './gap-data-table';
import { LazyActionGapChart } from './lazy-action-gap-chart';
import { ProgressSummary } from './progress-summary';
import { RateChange } from './rate-change';

/** One indicator of one city in a year, as the panel and each peer's chart read it. */
interface PeerProps {
  city: string;
  indicator: string;
  year: number | undefined;
  /** The statistical flags of a city's headline value in a year, shown after it. */
  flagsOf?: (city: string, year: number) => readonly ValueFlag[];
}

/** A peer's own action-gap chart, fetched when its row is opened. */
function PeerChart({ city, indicator, year, flagsOf }: PeerProps): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useIndicatorProgress(city, indicator, year, lang);
  if (detail.isPending) return <LoadingState lines={3} />;
  if (detail.isError)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <ChartFigure
      caption={<ProgressSummary progress={d.progress} />}
      height={240}
      chart={
        <LazyActionGapChart
          points={d.chart}
          decimals={d.indicator.decimals}
          unit={d.indicator.unit}
          direction={d.indicator.direction}
          height={240}
        />
      }
      table={
        <details className="table-details">
          <summary>{t('chart.showTable')}</summary>
          <GapDataTable
            points={d.chart}
            decimals={d.indicator.decimals}
            unit={d.indicator.unit}
            caption={t('chart.tableCaption', { city: d.city.name, indicator: d.indicator.name })}
            flags={
              flagsOf === undefined
                ? undefined
                : new Map(d.chart.map((p) => [p.year, flagsOf(city, p.year)]))
            }
          />
        </details>
      }
    />
  );
}

/** Partner cities that progressed most on this indicator (docs/methodology.md#6-learning-from-peers), each chart on demand. */
export function PeersPanel({ city, indicator, year, flagsOf }: PeerProps): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const peers = usePeers(city, indicator, lang);
  const [open, setOpen] = useState<string | null>(null);
  const baseId = useId();
  if (peers.isPending) return <LoadingState lines={3} />;
  if (peers.isError) return <ErrorState error={peers.error} onRetry={() => void peers.refetch()} />;
  const data = peers.data;
  // The API's improvement is a growth in the desired direction (positive = better);
  // every page shows rates in the data's own direction with a better/worse word.
  const rate = (improvement: number): ReactNode => (
    <RateChange
      rate={inDataDirection(improvement, data.indicator.direction)}
      trend={null}
      unit={data.indicator.unit}
      decimals={data.indicator.decimals}
      direction={data.indicator.direction}
    />
  );
  if (data.peers.length === 0) return <EmptyState>{t('peers.none')}</EmptyState>;
  return (
    <>
      {data.window !== null && (
        <p className="muted small">
          {t('rates.window', {
            from: formatYear(data.window.from),
            to: formatYear(data.window.to),
          })}{' '}
          {data.cityImprovement !== null && (
            <>
              {t('rates.thisCity')} {rate(data.cityImprovement)}
            </>
          )}
        </p>
      )}
      <ol className="peer-list" data-testid="peers">
        {data.peers.map((peer) => {
          const panelId = `${baseId}-${peer.slug}`;
          const isOpen = open === peer.slug;
          return (
            <li key={peer.slug} className="peer">
              <div className="peer__row">
                <LocalLink to={withYear(`/cities/${peer.slug}/indicators/${indicator}`, year)}>
                  {peer.name}
                </LocalLink>
                <span>
                  {rate(peer.improvement)}
                  <span className="muted small">
                    {' '}
                    ({formatYear(peer.from)}–{formatYear(peer.to)})
                  </span>
                </span>
                <span>
                  {peer.latest === null ? (
                    '—'
                  ) : (
                    <>
                      {formatStoredIndicatorValue(data.indicator, peer.latest.value, lang)}
                      <FlagMarks flags={flagsOf?.(peer.slug, peer.latest.year) ?? []} /> (
                      {formatYear(peer.latest.year)})
                    </>
                  )}
                </span>
                <StatusBadge status={peer.status} />
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={isOpen}
                  aria-controls={panelId}
                  onClick={() => setOpen(isOpen ? null : peer.slug)}
                >
                  {isOpen ? t('peers.hideChart') : t('peers.showChart')}{' '}
                  <span className="visually-hidden">{peer.name}</span>
                </button>
              </div>
              {peer.actions.length > 0 && (
                <div className="peer__actions">
                  <p className="small">{t('actions.peersDid', { city: peer.name })}</p>
                  <ul className="small" data-testid="peer-actions">
                    {peer.actions.map((a) => (
                      <li key={a.id}>
                        <strong>{a.title}</strong> (
                        {t('actions.since', { year: formatYear(a.startYear) })},{' '}
                        {t(`actions.status.${a.status}`)}):{' '}
                        {t('actions.effectBy', {
                          effect: `${formatSigned(a.effect, lang, data.indicator.decimals)}${
                            data.indicator.unit === ''
                              ? ''
                              : `\u00a0${data.indicator.unit === '%' ? 'pp' : data.indicator.unit}`
                          }`,
                          year: formatYear(a.effectYear),
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div id={panelId} hidden={!isOpen}>
                {isOpen && (
                  <PeerChart city={peer.slug} indicator={indicator} year={year} flagsOf={flagsOf} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
