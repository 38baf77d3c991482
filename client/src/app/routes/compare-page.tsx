import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Observation } from '@api/observation.schema';
import type { ComparisonResponse } from '@api/progress.schema';
import { ChartFigure } from '../../components/ui/chart-frame';
import { DownloadShareBar } from '../../components/ui/download-share';
import { comparisonByYearCsv, comparisonCsv } from '../../features/downloads/csv-tables';
import { fileSlug } from '../../lib/csv-file';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { StatusBadge } from '../../components/ui/status-badge';
import { SyntheticBadge } from '../../components/ui/synthetic-badge';
import { FlagLegend, FlagMarks } from '../../components/ui/value-flags';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { YearSelect } from '../../components/ui/year-select';
import { useComparison } from '../../features/compare/api/compare-api';
import {
  LazyCompareBarChart,
  LazyTrajectoriesChart,
} from '../../features/compare/components/lazy-charts';
import {
  barData,
  trajectories,
  type CompareMode,
  type Trajectories,
} from '../../features/compare/utils/compare-shaping';
import { useCities } from '../../features/cities/api/cities-api';
import { NetworkMapPanel } from '../../features/maps/components/network-map-panel';
import {
  mapMembers,
  measureParam,
  parseMeasure,
  type MapMeasure,
} from '../../features/maps/utils/network-map-data';
import { DataKindNote } from '../../features/networks/components/data-kind-note';
import {
  DraftMarker,
  DraftsNotice,
  DraftsSwitch,
  withDrafts,
} from '../../features/networks/components/drafts-switch';
import { useNetworkDrafts } from './use-network-drafts';
import { useIndicator, useIndicatorObservations } from '../../features/series/api/series-api';
import { SeriesAcrossCities } from '../../features/series/components/series-across-cities';
import { SeriesSelect, useSeriesLabel } from '../../features/series/components/series-select';
import {
  flagsPresent,
  groupBySeries,
  HEADLINE_KEY,
  isHeadline,
  parseSeries,
  seriesKey,
} from '../../lib/series';
import { AmbitionPendingNote } from '../../features/progress/components/ambition-pending';
import { LatestCell, TargetCell } from '../../features/progress/components/value-cells';
import { ObservedRateTerm, RateChange } from '../../features/progress/components/rate-change';
import { formatNumber, formatValue, formatYear } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/use-language';
import { useSearchParam, useYearParam, withYear } from '../../lib/url-state';
import { useShownChoice } from '../../lib/shown-choice';
import { TableScroll } from '../../components/ui/table-scroll';
import { SourceCell } from '../../components/ui/values-table';

const MAX_HIGHLIGHTED = 10;

/** The headline value of a city in a year, with its flags and source (undefined: not loaded or none). */
type HeadlineValueOf = (city: string, year: number) => Observation | undefined;

function TrajectoryTable({
  data,
  decimals,
  caption,
  valueOf,
}: {
  data: Trajectories;
  decimals: number;
  caption: string;
  /** Flags are shown in raw mode only (a normalised score is not the flagged value). */
  valueOf: HeadlineValueOf | null;
}): ReactNode {
  const lang = useLanguage();
  const { t } = useTranslation();
  return (
    <details className="table-details">
      <summary>{t('chart.showTable')}</summary>
      <TableScroll label={caption}>
        <table className="table table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.city')}</th>
              {data.rows.map((row) => (
                <th key={row.year} scope="col" className="num">
                  {formatYear(row.year ?? 0)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.series.map((series) => (
              <tr key={series.slug}>
                <th scope="row">
                  {series.name}
                  {series.draft && <DraftMarker name={series.name} />}
                </th>
                {data.rows.map((row) => {
                  const v = row[series.slug];
                  return (
                    <td key={row.year} className="num">
                      {v === undefined ? '' : formatNumber(v, lang, decimals)}
                      {v !== undefined && valueOf !== null && (
                        <FlagMarks flags={valueOf(series.slug, row.year ?? 0)?.flags ?? []} />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

function LatestTable({
  data,
  mode,
  caption,
  year,
  valueOf,
}: {
  data: ComparisonResponse;
  mode: CompareMode;
  caption: string;
  year: number | undefined;
  valueOf: HeadlineValueOf;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ind = data.indicator;
  const order = new Map(barData(data, mode).map((b, i) => [b.slug, i]));
  const cities = [...data.cities].sort(
    (a, b) =>
      (order.get(a.slug) ?? 1e9) - (order.get(b.slug) ?? 1e9) || a.name.localeCompare(b.name),
  );
  const value = (v: number): string => formatValue(v, lang, ind.decimals, ind.unit);
  const latestOf = (c: ComparisonResponse['cities'][number]): Observation | undefined =>
    c.latest === null ? undefined : valueOf(c.slug, c.latest.year);
  return (
    <>
      <TableScroll label={caption}>
        <table className="table" data-testid="compare-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.city')}</th>
              <th scope="col" className="num">
                {t('progress.latest')}
              </th>
              <th scope="col" className="num">
                {t('compare.normalised')}
              </th>
              <th scope="col" className="num">
                {t('progress.target')}
              </th>
              <th scope="col" className="num">
                <ObservedRateTerm />
              </th>
              <th scope="col">{t('progress.status')}</th>
              <th scope="col">{t('series.source')}</th>
            </tr>
          </thead>
          <tbody>
            {cities.map((c) => (
              <tr key={c.slug}>
                <th scope="row">
                  <LocalLink to={withYear(`/cities/${c.slug}/indicators/${ind.slug}`, year)}>
                    {c.name}
                  </LocalLink>
                  {data.includesDrafts && c.hasDrafts && <DraftMarker name={c.name} />}
                </th>
                <LatestCell
                  latest={c.latest}
                  format={value}
                  flags={latestOf(c)?.flags ?? []}
                  stale={c.stale}
                />
                <td className="num">
                  {c.normalised === null ? '—' : formatNumber(c.normalised, lang, 1)}
                </td>
                <TargetCell ambition={c.ambition} format={value} />
                <td className="num">
                  {c.observedRate === null ? (
                    '—'
                  ) : (
                    <RateChange
                      rate={c.observedRate}
                      trend={c.trend}
                      unit={ind.unit}
                      decimals={ind.decimals}
                      direction={ind.direction}
                    />
                  )}
                </td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <SourceCell source={latestOf(c)?.source} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <FlagLegend flags={flagsPresent(cities.map((c) => ({ flags: latestOf(c)?.flags ?? [] })))} />
    </>
  );
}

/** One indicator across a network's cities: latest values with targets, and trajectories. */
export function ComparePage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const params = useParams();
  const network = params.network ?? '';
  const indicator = params.indicator ?? '';
  const [year, setYear] = useYearParam();
  const [view, setView] = useSearchParam('view');
  const [highlightRaw, setHighlight] = useSearchParam('highlight');
  const {
    detail: networkDetail,
    draftsAsked,
    setDrafts,
    isMember,
    drafts,
  } = useNetworkDrafts(network);
  const comparison = useComparison(network, indicator, year, lang, drafts);
  const definition = useIndicator(indicator);
  const everySeries = useIndicatorObservations(indicator, '*');
  const [seriesRaw, setSeries] = useSearchParam('series');
  const seriesLabel = useSeriesLabel();
  const groups = useMemo(
    () => groupBySeries(everySeries.data?.observations ?? []),
    [everySeries.data],
  );
  const breakdowns = groups.filter((g) => g.key !== HEADLINE_KEY);
  const chosenSeries =
    breakdowns.find((g) => g.key === seriesKey(parseSeries(seriesRaw))) ?? breakdowns[0];
  const seriesValues = useIndicatorObservations(
    indicator,
    chosenSeries?.dimensions ?? {},
    chosenSeries !== undefined,
  );
  const headlineValues = useMemo(() => {
    const map = new Map<string, Observation>();
    for (const o of everySeries.data?.observations ?? [])
      if (isHeadline(o.series)) map.set(`${o.city}|${o.year}`, o);
    return map;
  }, [everySeries.data]);
  const valueOf: HeadlineValueOf = (city, y) => headlineValues.get(`${city}|${y}`);
  const groupId = useId();
  // The map of this indicator across the network: its status (default) or latest value.
  const cities = useCities();
  const [mapParam, setMapParam] = useSearchParam('map');
  const parsedMeasure = parseMeasure(mapParam);
  const mapMeasure: MapMeasure =
    parsedMeasure.kind === 'value' ? { kind: 'value', indicator } : { kind: 'status', indicator };
  const members = useMemo(
    () => mapMembers(networkDetail.data?.members ?? [], cities.data?.cities),
    [networkDetail.data, cities.data],
  );
  useDocumentTitle(
    comparison.data === undefined
      ? undefined
      : t('compare.title', { indicator: comparison.data.indicator.name }),
  );

  // The view radio shows the reader's pick at once (the URL change renders in a transition).
  const [shownView, chooseMode] = useShownChoice<CompareMode>(
    view === 'normalised' ? 'normalised' : 'raw',
    (m) => setView(m === 'raw' ? undefined : m),
  );

  if (comparison.isPending) return <LoadingState lines={10} />;
  if (comparison.isError)
    return <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const data = comparison.data;
  const ind = data.indicator;
  const isSynthetic = definition.data?.synthetic === true && data.network.dataKind !== 'synthetic';
  const cityNames = new Map(data.cities.map((c) => [c.slug, c.name]));
  const cityName = (slug: string): string => cityNames.get(slug) ?? slug;
  const canNormalise = ind.bestBound !== null && ind.worstBound !== null;
  const mode: CompareMode = view === 'normalised' && canNormalise ? 'normalised' : 'raw';
  const shownMode: CompareMode = canNormalise ? shownView : 'raw';
  const chosen = (highlightRaw ?? '').split(',').filter((s) => s !== '');
  const bars = barData(data, mode);
  const draftCities = data.includesDrafts ? data.cities.filter((c) => c.hasDrafts) : [];
  const lines = trajectories(data, mode, chosen, MAX_HIGHLIGHTED);
  const decimals = mode === 'raw' ? ind.decimals : 1;
  const unitLabel = mode === 'raw' ? ind.unit : t('compare.normalisedUnit');
  const years = [...new Set(data.cities.flatMap((c) => c.series.map((p) => p.year)))];
  const highlighted = new Set(lines.series.filter((s) => s.highlighted).map((s) => s.slug));
  const toggle = (slug: string): void => {
    const next = new Set(chosen.length > 0 ? chosen : highlighted);
    if (next.has(slug)) next.delete(slug);
    else if (next.size < MAX_HIGHLIGHTED) next.add(slug);
    setHighlight([...next].join(','));
  };

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/networks">{t('nav.networks')}</LocalLink> ›{' '}
        <LocalLink to={withDrafts(withYear(`/networks/${data.network.slug}`, year), draftsAsked)}>
          {data.network.name}
        </LocalLink>
      </nav>
      <div className="page-heading">
        <div>
          <h1>
            <span className="eyebrow">{t('compare.eyebrow')}</span>
            {ind.name}
            {isSynthetic && (
              <>
                {' '}
                <SyntheticBadge />
              </>
            )}
          </h1>
          <p className="lead">
            {ind.unit !== '' && <>{t('progress.unitIs', { unit: ind.unit })} · </>}
            {t(ind.direction === 'increase' ? 'progress.higherBetter' : 'progress.lowerBetter')}
            {ind.goal !== null && (
              <>
                {' · '}
                <LocalLink to={`/sdg/goals/${ind.goal}`}>
                  {t('sdg.goal', { goal: ind.goal })}
                </LocalLink>
              </>
            )}
          </p>
        </div>
        <div className="toolbar">
          <YearSelect year={year} years={years} onChange={setYear} />
          {isMember && <DraftsSwitch drafts={data.includesDrafts} onChange={setDrafts} />}
          <fieldset className="segmented">
            <legend>{t('compare.viewLegend')}</legend>
            <label>
              <input
                type="radio"
                name={`${groupId}-view`}
                value="raw"
                checked={shownMode === 'raw'}
                onChange={() => chooseMode('raw')}
              />
              {t('compare.raw')}
            </label>
            <label>
              <input
                type="radio"
                name={`${groupId}-view`}
                value="normalised"
                checked={shownMode === 'normalised'}
                disabled={!canNormalise}
                onChange={() => chooseMode('normalised')}
              />
              {t('compare.normalisedOption')}
            </label>
          </fieldset>
        </div>
      </div>
      <DownloadShareBar
        items={[
          {
            kind: 'file',
            label: t('downloads.compareCsv'),
            testId: 'download-compare-csv',
            make: () => comparisonCsv(data, year, t, (c, y) => valueOf(c, y)?.source),
          },
          {
            kind: 'file',
            label: t('downloads.byYearCsv'),
            testId: 'download-by-year-csv',
            make: () => comparisonByYearCsv(data, t),
          },
        ]}
      />
      <DataKindNote network={data.network} />
      {data.includesDrafts && <DraftsNotice count={draftCities.length} />}
      <AmbitionPendingNote ambitions={data.cities.map((c) => c.ambition)} />
      {mode === 'normalised' && <p className="muted small">{t('compare.normalisedNote')}</p>}

      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('compare.latestHeading')}</h2>
        {bars.length === 0 ? (
          <EmptyState>{t('compare.noValues')}</EmptyState>
        ) : (
          <ChartFigure
            testId="compare-bars"
            download={{
              title: `${ind.name}${unitLabel === '' ? '' : ` (${unitLabel})`}: ${t('compare.latestHeading')} \u2013 ${data.network.name}`,
              fileName: fileSlug(data.network.slug, ind.slug, 'latest'),
            }}
            caption={t('compare.barsCaption', {
              count: bars.length,
              best: bars[0]!.name,
              worst: bars[bars.length - 1]!.name,
            })}
            height={Math.max(160, bars.length * 30 + 60)}
            chart={
              <LazyCompareBarChart
                bars={bars}
                decimals={decimals}
                valueName={mode === 'raw' ? t('compare.latest') : t('compare.normalised')}
                label={t('chartNames.named', {
                  title: `${t('compare.latestHeading')}: ${ind.name}${unitLabel === '' ? '' : ` (${unitLabel})`}`,
                })}
              />
            }
            table={
              <LatestTable
                data={data}
                mode={mode}
                year={year}
                caption={t('compare.tableCaption', { indicator: ind.name })}
                valueOf={valueOf}
              />
            }
          />
        )}
      </section>

      {members.length > 0 && (
        <section aria-labelledby="map-heading" data-testid="compare-map-section">
          <h2 id="map-heading">{t('maps.networkHeading')}</h2>
          <p className="muted small">{t('maps.networkIntro')}</p>
          <NetworkMapPanel
            members={members}
            measure={mapMeasure}
            onMeasureChange={(m) => setMapParam(m.kind === 'value' ? measureParam(m) : undefined)}
            comparison={data}
            year={year}
          />
        </section>
      )}

      <section aria-labelledby="trajectories-heading">
        <h2 id="trajectories-heading">{t('compare.trajectoriesHeading')}</h2>
        {lines.rows.length === 0 ? (
          <EmptyState>{t('compare.noValues')}</EmptyState>
        ) : (
          <>
            <fieldset className="checkbox-group">
              <legend>{t('compare.highlightLegend', { max: MAX_HIGHLIGHTED })}</legend>
              {[...data.cities]
                .filter((c) => c.series.length > 0)
                .sort((a, b) => a.name.localeCompare(b.name, lang))
                .map((c) => (
                  <label key={c.slug}>
                    <input
                      type="checkbox"
                      checked={highlighted.has(c.slug)}
                      disabled={!highlighted.has(c.slug) && highlighted.size >= MAX_HIGHLIGHTED}
                      onChange={() => toggle(c.slug)}
                    />
                    {c.name}
                    {data.includesDrafts && c.hasDrafts && <DraftMarker name={c.name} />}
                  </label>
                ))}
            </fieldset>
            <ChartFigure
              testId="compare-lines"
              download={{
                title: `${ind.name}${unitLabel === '' ? '' : ` (${unitLabel})`}: ${t('compare.trajectoriesHeading')} \u2013 ${data.network.name}`,
                fileName: fileSlug(data.network.slug, ind.slug, 'trajectories'),
              }}
              caption={t('compare.linesCaption', {
                count: lines.series.length,
                highlighted: highlighted.size,
                unit: unitLabel,
              })}
              height={360}
              chart={
                <LazyTrajectoriesChart
                  data={lines}
                  decimals={decimals}
                  label={t('chartNames.named', {
                    title: `${t('compare.trajectoriesHeading')}: ${ind.name}${unitLabel === '' ? '' : ` (${unitLabel})`}`,
                  })}
                />
              }
              table={
                <TrajectoryTable
                  data={lines}
                  decimals={decimals}
                  caption={t('compare.linesTableCaption', { indicator: ind.name, unit: unitLabel })}
                  valueOf={mode === 'raw' ? valueOf : null}
                />
              }
            />
          </>
        )}
      </section>

      {chosenSeries !== undefined && (
        <section aria-labelledby="series-heading" data-testid="compare-series-section">
          <h2 id="series-heading">{t('compare.seriesHeading')}</h2>
          <p className="muted small">{t('compare.seriesIntro')}</p>
          <SeriesSelect
            label={t('compare.seriesLabel')}
            series={breakdowns}
            value={chosenSeries.key}
            onChange={(key) => setSeries(key)}
          />
          {seriesValues.isPending ? (
            <LoadingState lines={4} />
          ) : seriesValues.isError ? (
            <ErrorState error={seriesValues.error} onRetry={() => void seriesValues.refetch()} />
          ) : (
            <SeriesAcrossCities
              values={seriesValues.data.observations}
              series={chosenSeries.dimensions}
              seriesName={seriesLabel(chosenSeries.dimensions)}
              indicator={ind}
              cityName={cityName}
              year={year}
            />
          )}
        </section>
      )}
    </>
  );
}
