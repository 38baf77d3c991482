import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ChartFigure } from '../../components/ui/chart-frame';
import { DownloadShareBar } from '../../components/ui/download-share';
import { gapChartCsv } from '../../features/downloads/csv-tables';
import { fileSlug } from '../../lib/csv-file';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { StatusBadge } from '../../components/ui/status-badge';
import { SyntheticBadge } from '../../components/ui/synthetic-badge';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { YearSelect } from '../../components/ui/year-select';
import { useIndicatorProgress } from '../../features/progress/api/progress-api';
import {
  AmbitionPendingNote,
  isAmbitionPending,
} from '../../features/progress/components/ambition-pending';
import { GapDataTable } from '../../features/progress/components/gap-data-table';
import { LazyActionGapChart } from '../../features/progress/components/lazy-action-gap-chart';
import { PeersPanel } from '../../features/progress/components/peers-panel';
import { IndicatorActions } from '../../features/actions/components/plan-sections';
import { ProgressSummary } from '../../features/progress/components/progress-summary';
import {
  ActionGapFigures,
  StatusExplanation,
} from '../../features/progress/components/status-explanation';
import { ValueHistory } from '../../features/progress/components/value-history';
import { DistrictMapSection } from '../../features/maps/components/district-map-section';
import { DataKindNote } from '../../features/networks/components/data-kind-note';
import {
  useCityIndicatorObservations,
  useIndicator,
  useIndicatorObservations,
} from '../../features/series/api/series-api';
import { BreakdownSection } from '../../features/series/components/breakdown-section';
import { SeriesSelect, useSeriesLabel } from '../../features/series/components/series-select';
import { SeriesValuesTable } from '../../features/series/components/series-values-table';
import { useLanguage } from '../../lib/i18n/use-language';
import {
  groupBySeries,
  HEADLINE_KEY,
  parseSeries,
  seriesKey,
  type ValueFlag,
} from '../../lib/series';
import { useSearchParam, useYearParam, withYear } from '../../lib/url-state';

/** One indicator of one city: the action-gap chart, its table, how the status came about, peers, history. */
export function CityIndicatorPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const params = useParams();
  const city = params.city ?? '';
  const indicatorSlug = params.indicator ?? '';
  const [year, setYear] = useYearParam();
  const detail = useIndicatorProgress(city, indicatorSlug, year, lang);
  const observations = useCityIndicatorObservations(city, indicatorSlug);
  const definition = useIndicator(indicatorSlug);
  // Every city's headline values, for the flags of the peers' values.
  const acrossCities = useIndicatorObservations(indicatorSlug, {});
  const peerFlags = useMemo(() => {
    const map = new Map<string, readonly ValueFlag[]>();
    for (const o of acrossCities.data?.observations ?? [])
      if (o.flags.length > 0) map.set(`${o.city}|${o.year}`, o.flags);
    return (c: string, y: number): readonly ValueFlag[] => map.get(`${c}|${y}`) ?? [];
  }, [acrossCities.data]);
  const [seriesParam, setSeriesParam] = useSearchParam('series');
  const [byParam, setBy] = useSearchParam('by');
  const seriesLabel = useSeriesLabel();
  const groups = useMemo(
    () => groupBySeries(observations.data?.observations ?? []),
    [observations.data],
  );
  const requestedKey = seriesKey(parseSeries(seriesParam));
  const chosen =
    groups.find((g) => g.key === requestedKey) ??
    groups.find((g) => g.key === HEADLINE_KEY) ??
    groups[0];
  const headlineFlags = useMemo(
    () =>
      new Map(
        (groups.find((g) => g.key === HEADLINE_KEY)?.observations ?? []).map((o) => [
          o.year,
          o.flags,
        ]),
      ),
    [groups],
  );
  useDocumentTitle(
    detail.data === undefined
      ? undefined
      : `${detail.data.indicator.name} \u00b7 ${detail.data.city.name}`,
  );

  if (detail.isPending) return <LoadingState lines={10} />;
  if (detail.isError)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { indicator, progress, chart, network } = detail.data;
  const cityName = detail.data.city.name;
  const years = progress.series.map((p) => p.year);
  const isSynthetic = definition.data?.synthetic === true && network.dataKind !== 'synthetic';
  const hasBreakdowns = groups.some((g) => g.key !== HEADLINE_KEY);
  const chosenIsHeadline = chosen === undefined || chosen.key === HEADLINE_KEY;
  const historyYears = chosen === undefined ? years : chosen.observations.map((o) => o.year);
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/cities">{t('nav.cities')}</LocalLink> ›{' '}
        <LocalLink to={withYear(`/cities/${city}`, year)}>{cityName}</LocalLink>
        {indicator.goal !== null && (
          <>
            {' '}
            ›{' '}
            <LocalLink to={withYear(`/cities/${city}/goals/${indicator.goal}`, year)}>
              {t('sdg.goal', { goal: indicator.goal })}
            </LocalLink>
          </>
        )}
      </nav>
      <div className="page-heading">
        <div>
          <h1>
            <span className="eyebrow">{cityName}</span>
            {indicator.name}
            {isSynthetic && (
              <>
                {' '}
                <SyntheticBadge />
              </>
            )}
          </h1>
          {indicator.description !== '' && <p className="lead">{indicator.description}</p>}
        </div>
        <div className="toolbar">
          <YearSelect year={year} years={years} onChange={setYear} />
          {groups.length > 1 && chosen !== undefined && (
            <SeriesSelect
              series={groups}
              value={chosen.key}
              onChange={(key) => setSeriesParam(key === HEADLINE_KEY ? undefined : key)}
            />
          )}
          <LocalLink
            className="button button--secondary"
            to={withYear(`/networks/${network.slug}/compare/${indicator.slug}`, year)}
          >
            {t('compare.link')}
          </LocalLink>
        </div>
      </div>
      <DownloadShareBar
        items={[
          ...(chart.length === 0
            ? []
            : [
                {
                  kind: 'file' as const,
                  label: t('downloads.chartCsv'),
                  testId: 'download-chart-csv',
                  make: () =>
                    gapChartCsv(
                      { city, indicator, points: chart, year, dataYear: detail.data.year },
                      t,
                    ),
                },
              ]),
          {
            kind: 'link',
            label: t('downloads.openSdg'),
            href: `/api/v1/cities/${city}/exports/opensdg?network=${encodeURIComponent(network.slug)}`,
            testId: 'download-city-opensdg',
          },
        ]}
      />
      <p>
        <StatusBadge status={progress.status} />
        {indicator.unit !== '' && (
          <span className="muted"> · {t('progress.unitIs', { unit: indicator.unit })}</span>
        )}
        <span className="muted">
          {' '}
          ·{' '}
          {t(indicator.direction === 'increase' ? 'progress.higherBetter' : 'progress.lowerBetter')}
        </span>
      </p>
      <DataKindNote network={network} />

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t('progress.chartHeading')}</h2>
        {hasBreakdowns && <p className="muted small">{t('series.progressUsesHeadline')}</p>}
        {chart.length === 0 ? (
          <EmptyState>{t('progress.noData')}</EmptyState>
        ) : (
          <ChartFigure
            testId="action-gap"
            download={{
              title: `${indicator.name} \u2013 ${cityName}: ${t('chart.gapTitle')}`,
              fileName: fileSlug(city, indicator.slug, 'action-gap'),
              dataSource: indicator.source,
            }}
            caption={<ProgressSummary progress={progress} />}
            height={320}
            chart={
              <LazyActionGapChart
                points={chart}
                decimals={indicator.decimals}
                unit={indicator.unit}
                direction={indicator.direction}
              />
            }
            table={
              <GapDataTable
                points={chart}
                decimals={indicator.decimals}
                unit={indicator.unit}
                caption={t('chart.tableCaption', { city: cityName, indicator: indicator.name })}
                flags={headlineFlags}
                targetPending={isAmbitionPending(progress.ambition)}
              />
            }
          />
        )}
        <AmbitionPendingNote ambitions={[progress.ambition]} />
        {progress.ambition === null && (
          <EmptyState>
            {t('progress.noAmbitionLong')}{' '}
            <a href="/api/docs#/Ambitions">{t('progress.setAmbition')}</a>
          </EmptyState>
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="explain-heading">
          <h2 id="explain-heading">{t('progress.explainHeading')}</h2>
          <StatusExplanation progress={progress} />
        </section>
        {progress.actionGap !== null && (
          <section aria-labelledby="gap-heading">
            <h2 id="gap-heading">{t('progress.actionGapHeading')}</h2>
            <ActionGapFigures progress={progress} />
          </section>
        )}
      </div>

      {progress.ambition !== null && (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('actions.indicatorHeading')}</h2>
          <IndicatorActions city={city} progress={progress} />
        </section>
      )}

      <section aria-labelledby="values-heading">
        <h2 id="values-heading">{t('series.valuesHeading')}</h2>
        {observations.isPending ? (
          <LoadingState lines={4} />
        ) : observations.isError ? (
          <ErrorState error={observations.error} onRetry={() => void observations.refetch()} />
        ) : chosen === undefined ? (
          <EmptyState>{t('progress.noData')}</EmptyState>
        ) : (
          <SeriesValuesTable
            values={chosen.observations}
            decimals={indicator.decimals}
            unit={indicator.unit}
            caption={t('series.valuesCaption', {
              indicator: indicator.name,
              city: cityName,
              series: seriesLabel(chosen.dimensions),
            })}
          />
        )}
      </section>

      {hasBreakdowns && (
        <DistrictMapSection
          city={city}
          cityName={cityName}
          indicator={indicator}
          observations={observations.data?.observations ?? []}
          heading={t('maps.districtHeading')}
        />
      )}

      {hasBreakdowns && (
        <BreakdownSection
          groups={groups}
          chosen={chosen?.dimensions ?? {}}
          dimension={byParam}
          onDimensionChange={(dimension) => setBy(dimension)}
          indicator={indicator}
          cityName={cityName}
        />
      )}

      <section aria-labelledby="sdg-heading">
        <h2 id="sdg-heading">{t('progress.sdgLinksHeading')}</h2>
        {indicator.sdgLinks.length === 0 ? (
          <EmptyState>{t('progress.noSdgLinks')}</EmptyState>
        ) : (
          <ul className="target-links">
            {indicator.sdgLinks.map((link) => (
              <li key={`${link.target}/${link.indicator ?? ''}`}>
                <LocalLink
                  to={`/sdg/goals/${link.target.split('.')[0]}#target-${link.target}`}
                  className="code"
                >
                  {t('sdg.target', { code: link.target })}
                </LocalLink>{' '}
                <span lang={link.titleLanguage}>{link.targetTitle}</span>
                {link.indicator !== null && (
                  <>
                    <br />
                    <LocalLink to={`/sdg/indicators/${link.indicator}`} className="code">
                      {t('sdg.indicator', { code: link.indicator })}
                    </LocalLink>{' '}
                    <span lang={link.titleLanguage}>{link.indicatorTitle}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {indicator.source !== null && (
          <p className="muted small">{t('progress.source', { source: indicator.source })}</p>
        )}
      </section>

      <section aria-labelledby="peers-heading">
        <h2 id="peers-heading">{t('peers.heading')}</h2>
        <PeersPanel city={city} indicator={indicator.slug} year={year} flagsOf={peerFlags} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.heading')}</h2>
        {!chosenIsHeadline && chosen !== undefined && (
          <p className="muted small">
            {t('series.historyOf', { series: seriesLabel(chosen.dimensions) })}
          </p>
        )}
        <ValueHistory
          city={city}
          indicator={indicator.slug}
          years={historyYears}
          decimals={indicator.decimals}
          series={chosen?.dimensions ?? {}}
        />
      </section>
    </>
  );
}
