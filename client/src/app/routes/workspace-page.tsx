import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useParams } from 'react-router';
import { Field, Select } from '../../components/ui/form-field';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useSession } from '../../features/auth/api/auth-api';
import { useCity } from '../../features/cities/api/cities-api';
import { CityInvitations } from '../../features/memberships/components/city-invitations';
import { notificationKeys } from '../../features/notifications/api/notifications-api';
import {
  useCityAmbitions,
  useCityReviews,
  useCityValues,
  useNetworkIndicators,
  workspaceKeys,
  type Observation,
} from '../../features/workspace/api/workspace-api';
import { ActivityFeed } from '../../features/workspace/components/activity-feed';
import { WorkspaceActionsTab } from './workspace-actions-tab';
import { DistrictsUpload } from '../../features/maps/components/districts-upload';
import { AmbitionsPanel } from '../../features/workspace/components/ambitions-panel';
import { DataGrid } from '../../features/workspace/components/data-grid';
import { EurostatCatalogue } from '../../features/workspace/components/eurostat-catalogue';
import { ImportWizard } from '../../features/workspace/components/import-wizard';
import { ReviewPanel } from '../../features/workspace/components/review-panel';
import { ReportingStatus } from '../../features/workspace/components/reporting-status';
import { ReturnedNotice } from '../../features/workspace/components/returned-notice';
import { byGoal, cellKey, gridYears } from '../../features/workspace/utils/grid-model';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { seriesKeys } from '../../features/series/api/series-api';
import { SeriesSelect } from '../../features/series/components/series-select';
import { useLanguage } from '../../lib/i18n/use-language';
import {
  groupBySeries,
  HEADLINE_KEY,
  isHeadline,
  parseSeries,
  seriesKey,
  type SeriesDimensions,
} from '../../lib/series';
import { parseYear, useSearchParam } from '../../lib/url-state';

const ALL_TABS = [
  'data',
  'ambitions',
  'actions',
  'import',
  'review',
  'activity',
  'districts',
  'catalogue',
] as const;
type Tab = (typeof ALL_TABS)[number];

/**
 * The officer's workspace for one city and network: the data grid, the
 * ambitions, the import wizard, the review of each year and the city's
 * recent changes. The tab and network are in the URL.
 */
export function WorkspacePage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const slug = useParams().city ?? '';
  const city = useCity(slug);
  const session = useSession();
  const [networkParam, setNetwork] = useSearchParam('network');
  const [tabParam, setTab] = useSearchParam('tab');
  const [seriesParam, setSeriesParam] = useSearchParam('series');
  // A notification links to the review of one year (`&tab=review&year=2025`): it is highlighted.
  const [yearParam] = useSearchParam('year');
  const network = networkParam ?? city.data?.networks[0]?.slug ?? '';
  // The catalogue step is for the network's coordinators (and administrators).
  const managesNetwork = (session.data?.roles ?? []).some(
    (r) => r.role === 'admin' || (r.role === 'coordinator' && r.network?.slug === network),
  );
  const tabs = ALL_TABS.filter((id) => id !== 'catalogue' || managesNetwork);
  const tab: Tab = (tabs as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as Tab)
    : 'data';
  const indicators = useNetworkIndicators(network);
  const values = useCityValues(slug);
  const ambitions = useCityAmbitions(slug);
  const reviews = useCityReviews(network, slug);
  const goals = useGoals(lang);
  const goalTitles = useMemo(
    () => new Map((goals.data?.goals ?? []).map((g) => [g.goal, g.shortTitle])),
    [goals.data],
  );
  const client = useQueryClient();
  const [pendingCount, setPendingCount] = useState(0);
  // The year the returned notice sent the reader to review (highlighted there).
  const [reviewYear, setReviewYear] = useState<number | null>(null);
  useDocumentTitle(t('workspace.title', { city: city.data?.name ?? slug }));

  // No lost work: leaving the page (in the app or the browser) with unsaved edits asks first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      pendingCount > 0 && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (pendingCount === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pendingCount]);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('workspace.leaveConfirm', { count: pendingCount }))) blocker.proceed();
    else blocker.reset();
  }, [blocker, pendingCount, t]);

  const networkIndicators = useMemo(
    () => (indicators.data?.indicators ?? []).filter((i) => !i.archived),
    [indicators.data],
  );
  const networkValues = useMemo(() => {
    const slugs = new Set(networkIndicators.map((i) => i.slug));
    return (values.data?.observations ?? []).filter((o) => slugs.has(o.indicator));
  }, [values.data, networkIndicators]);
  // The headline values: what progress, ambitions, reporting status and the template use.
  const valueMap = useMemo(() => {
    const map = new Map<string, Observation>();
    for (const o of networkValues)
      if (isHeadline(o.series)) map.set(cellKey(o.indicator, o.year), o);
    return map;
  }, [networkValues]);
  // The series the grid can show: the headline first, then every breakdown the city has.
  const seriesOptions = useMemo(() => {
    const groups = groupBySeries(networkValues);
    return groups.some((g) => g.key === HEADLINE_KEY)
      ? groups
      : [{ key: HEADLINE_KEY, dimensions: {}, observations: [] }, ...groups];
  }, [networkValues]);
  const gridSeries =
    seriesOptions.find((g) => g.key === seriesKey(parseSeries(seriesParam))) ?? seriesOptions[0]!;
  const gridValueMap = useMemo(() => {
    if (gridSeries.key === HEADLINE_KEY) return valueMap;
    return new Map(gridSeries.observations.map((o) => [cellKey(o.indicator, o.year), o]));
  }, [gridSeries, valueMap]);
  // A breakdown lists the indicators that have it (new breakdowns come in by import).
  const gridIndicators = useMemo(() => {
    if (gridSeries.key === HEADLINE_KEY) return networkIndicators;
    const slugs = new Set(gridSeries.observations.map((o) => o.indicator));
    return networkIndicators.filter((i) => slugs.has(i.slug));
  }, [gridSeries, networkIndicators]);
  const years = useMemo(() => gridYears(networkValues, new Date()), [networkValues]);

  const refreshReviews = useCallback(() => {
    void client.invalidateQueries({ queryKey: workspaceKeys.reviews(network, slug) });
    void client.invalidateQueries({ queryKey: workspaceKeys.feed(slug) });
    // A review step may answer a notification (or undo one): the header's count follows.
    void client.invalidateQueries({ queryKey: notificationKeys.all });
  }, [client, network, slug]);

  // A typist saves a value a second: what is computed from the values (review counts,
  // progress, series) is refreshed once they pause, not after every value.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);
  const onSaved = useCallback(
    (indicator: string, year: number, saved: Observation | null, series: SeriesDimensions) => {
      const key = seriesKey(series);
      client.setQueryData(
        workspaceKeys.values(slug),
        (old: { observations: Observation[] } | undefined) => {
          const rest = (old?.observations ?? []).filter(
            (o) => !(o.indicator === indicator && o.year === year && seriesKey(o.series) === key),
          );
          return { observations: saved === null ? rest : [...rest, saved] };
        },
      );
      clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => {
        void client.invalidateQueries({ queryKey: workspaceKeys.reviews(network, slug) });
        void client.invalidateQueries({ queryKey: ['progress'] });
        void client.invalidateQueries({ queryKey: seriesKeys.all });
      }, 500);
    },
    [client, network, slug],
  );

  if (session.data?.user === null)
    return (
      <>
        <h1>{t('workspace.heading')}</h1>
        <p>
          {t('workspace.signInFirst')}{' '}
          <LocalLink to={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`}>
            {t('auth.signIn')}
          </LocalLink>
        </p>
      </>
    );
  if (city.isPending || session.isPending) return <LoadingState lines={8} />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;

  const roles = session.data?.roles ?? [];
  const canEdit = roles.some(
    (r) => r.role === 'admin' || (r.role === 'editor' && r.city?.slug === slug),
  );
  const loading = indicators.isPending || values.isPending || reviews.isPending;
  const failed = indicators.error ?? values.error ?? reviews.error;

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/cities">{t('nav.cities')}</LocalLink> ›{' '}
        <LocalLink to={`/cities/${slug}`}>{city.data.name}</LocalLink>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{t('workspace.title', { city: city.data.name })}</h1>
          <p className="lead">{canEdit ? t('workspace.leadEditor') : t('workspace.leadReader')}</p>
        </div>
        {city.data.networks.length > 1 && (
          <Field label={t('workspace.network')}>
            <Select value={network} onChange={(e) => setNetwork(e.target.value)}>
              {city.data.networks.map((n) => (
                <option key={n.slug} value={n.slug}>
                  {n.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <CityInvitations city={slug} cityName={city.data.name} enabled={canEdit} />
      {network !== '' && reviews.data !== undefined && (
        <ReturnedNotice
          reviews={reviews.data}
          locale={lang}
          onOpenReview={(year) => {
            setReviewYear(year);
            setTab('review');
            document.getElementById('tab-review')?.focus();
          }}
        />
      )}
      {network === '' ? (
        // Not in any network yet: nothing to enter until it accepts an invitation.
        <EmptyState>{t('workspace.noNetwork', { city: city.data.name })}</EmptyState>
      ) : (
        <>
          <div role="tablist" aria-label={t('workspace.tabsLabel')} className="tabs">
            {tabs.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                className="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id === 'data' ? undefined : id)}
                onKeyDown={(event) => {
                  const i = tabs.indexOf(id);
                  const next =
                    event.key === 'ArrowRight'
                      ? tabs[(i + 1) % tabs.length]
                      : event.key === 'ArrowLeft'
                        ? tabs[(i + tabs.length - 1) % tabs.length]
                        : undefined;
                  if (next === undefined) return;
                  event.preventDefault();
                  setTab(next === 'data' ? undefined : next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {id === 'actions'
                  ? t('actions.tab')
                  : id === 'districts'
                    ? t('maps.tab')
                    : t(`workspace.tabs.${id}`)}
                {id === 'data' && pendingCount > 0
                  ? ` (${t('workspace.unsavedCount', { count: pendingCount })})`
                  : ''}
              </button>
            ))}
          </div>
          {loading ? (
            <LoadingState lines={8} />
          ) : failed !== null ? (
            <ErrorState
              error={failed}
              onRetry={() => void client.invalidateQueries({ queryKey: workspaceKeys.all })}
            />
          ) : (
            <>
              {/* The grid stays mounted on other tabs: unsaved edits must not be lost. */}
              <div
                role="tabpanel"
                id="panel-data"
                aria-labelledby="tab-data"
                hidden={tab !== 'data'}
                className="tab-panel"
              >
                {seriesOptions.length > 1 && (
                  <SeriesSelect
                    label={t('workspace.grid.series')}
                    series={seriesOptions}
                    value={gridSeries.key}
                    onChange={(key) => setSeriesParam(key === HEADLINE_KEY ? undefined : key)}
                    disabled={pendingCount > 0}
                    hint={
                      pendingCount > 0
                        ? t('workspace.grid.seriesLocked')
                        : t('workspace.grid.seriesHint')
                    }
                  />
                )}
                <ReportingStatus
                  groups={byGoal(networkIndicators)}
                  values={valueMap}
                  years={years}
                />
                <DataGrid
                  key={gridSeries.key}
                  city={{ slug, name: city.data.name }}
                  network={network}
                  indicators={gridIndicators}
                  values={gridValueMap}
                  series={gridSeries.dimensions}
                  years={years}
                  reviews={reviews.data}
                  comments={reviews.data?.comments ?? []}
                  locale={lang}
                  canEdit={canEdit}
                  onSaved={onSaved}
                  goalTitles={goalTitles}
                  onPendingChange={setPendingCount}
                  isVisible={tab === 'data'}
                />
              </div>
              {tab !== 'data' && (
                <div
                  role="tabpanel"
                  id={`panel-${tab}`}
                  aria-labelledby={`tab-${tab}`}
                  className="tab-panel"
                >
                  {/* The form starts from the stored ambition: it waits for the ambitions to load. */}
                  {tab === 'ambitions' && ambitions.isPending && <LoadingState lines={4} />}
                  {tab === 'ambitions' && !ambitions.isPending && (
                    <AmbitionsPanel
                      city={slug}
                      indicators={networkIndicators}
                      values={[...valueMap.values()]}
                      ambitions={ambitions.data?.ambitions ?? []}
                      locale={lang}
                      canEdit={canEdit}
                      onSaved={() =>
                        void client.invalidateQueries({ queryKey: workspaceKeys.ambitions(slug) })
                      }
                    />
                  )}
                  {tab === 'actions' && (
                    <WorkspaceActionsTab
                      city={slug}
                      canEdit={canEdit}
                      indicators={networkIndicators}
                    />
                  )}
                  {tab === 'import' && (
                    <ImportWizard
                      city={slug}
                      indicators={networkIndicators}
                      values={valueMap}
                      years={years}
                      networks={city.data.networks}
                      network={network}
                      onImported={() => {
                        void client.invalidateQueries({ queryKey: workspaceKeys.values(slug) });
                        void client.invalidateQueries({ queryKey: seriesKeys.all });
                        refreshReviews();
                      }}
                    />
                  )}
                  {tab === 'review' && reviews.data !== undefined && (
                    <ReviewPanel
                      network={network}
                      city={slug}
                      reviews={reviews.data}
                      indicators={networkIndicators}
                      locale={lang}
                      focusYear={reviewYear ?? parseYear(yearParam) ?? null}
                      onChanged={refreshReviews}
                    />
                  )}
                  {tab === 'activity' && (
                    <ActivityFeed
                      city={slug}
                      locale={lang}
                      indicators={indicators.data?.indicators ?? []}
                      networks={new Map(city.data.networks.map((n) => [n.slug, n.name]))}
                    />
                  )}
                  {tab === 'districts' && (
                    <DistrictsUpload city={slug} cityName={city.data.name} canEdit={canEdit} />
                  )}
                  {tab === 'catalogue' && (
                    <EurostatCatalogue
                      network={network}
                      used={
                        new Map(
                          networkIndicators.flatMap((i) =>
                            i.codes.eurostat === undefined ? [] : [[i.codes.eurostat, i.name]],
                          ),
                        )
                      }
                      networkName={
                        city.data.networks.find((n) => n.slug === network)?.name ?? network
                      }
                      onAdded={() => {
                        void client.invalidateQueries({
                          queryKey: workspaceKeys.indicators(network),
                        });
                        void client.invalidateQueries({ queryKey: seriesKeys.all });
                      }}
                    />
                  )}
                </div>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
