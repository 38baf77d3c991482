import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DownloadShareBar } from '../../components/ui/download-share';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { YearSelect, yearRange } from '../../components/ui/year-select';
import { useSession } from '../../features/auth/api/auth-api';
import { useCities } from '../../features/cities/api/cities-api';
import { comparisonQuery } from '../../features/compare/api/compare-api';
import { NetworkMapPanel } from '../../features/maps/components/network-map-panel';
import { mapMembers, measureParam, parseMeasure } from '../../features/maps/utils/network-map-data';
import { NetworkInvitations } from '../../features/memberships/components/network-invitations';
import { useNetworkScores } from '../../features/networks/api/networks-api';
import { DataKindNote } from '../../features/networks/components/data-kind-note';
import {
  DraftsNotice,
  DraftsSwitch,
  withDrafts,
} from '../../features/networks/components/drafts-switch';
import {
  ColourRuleNote,
  GoalHeatmap,
  HeatmapLegend,
} from '../../features/networks/components/goal-heatmap';
import { RankingTable } from '../../features/networks/components/ranking-table';
import { useNetworkDrafts } from './use-network-drafts';
import { LARGE_NETWORK, PagedRanking } from '../../features/networks/components/paged-ranking';
import { useNetworkIndicators } from '../../features/workspace/api/workspace-api';
import { indicatorsByGoal } from '../../features/networks/utils/network-shaping';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { networkScoresCsv } from '../../features/downloads/csv-tables';
import { formatInteger, formatYear } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/use-language';
import { useSearchParam, useYearParam, withYear } from '../../lib/url-state';
import { TableScroll } from '../../components/ui/table-scroll';

/** A network at a glance: ranking, cities × goals heatmap, averages, indicators to compare, members. */
export function NetworkPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const slug = useParams().network ?? '';
  const [year, setYear] = useYearParam();
  const session = useSession();
  const { detail: network, setDrafts, isMember, drafts } = useNetworkDrafts(slug);
  // A large network (a national portal) shows its ranking in pages and never loads every
  // city's scores at once; a small one shows them all (asked for once its size is known).
  const large = (network.data?.cityCount ?? 0) > LARGE_NETWORK;
  const scores = useNetworkScores(slug, year, lang, drafts, network.data !== undefined && !large);
  const indicatorList = useNetworkIndicators(large ? slug : '');
  const goals = useGoals(lang);
  // The map: its measure is in the URL; an indicator's status comes from the comparison.
  const cities = useCities();
  const [mapParam, setMapParam] = useSearchParam('map');
  const measure = parseMeasure(mapParam);
  const mapIndicator = measure.kind === 'status' ? measure.indicator : '';
  const mapComparison = useQuery({
    ...comparisonQuery(slug, mapIndicator, year, lang, drafts),
    enabled: mapIndicator !== '' && network.data !== undefined && !large,
  });
  const members = useMemo(
    () => mapMembers(network.data?.members ?? [], cities.data?.cities),
    [network.data, cities.data],
  );
  useDocumentTitle(network.data?.name ?? t('network.listTitle'));

  if (network.isPending) return <LoadingState lines={8} />;
  if (network.isError)
    return <ErrorState error={network.error} onRetry={() => void network.refetch()} />;
  const data = network.data;
  const years = yearRange(data.dataYears?.first, data.dataYears?.last);
  // Administrators manage every network; a coordinator theirs.
  const manages =
    session.data?.roles.some(
      (r) => r.role === 'admin' || (r.role === 'coordinator' && r.network?.slug === slug),
    ) ?? false;
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/networks">{t('nav.networks')}</LocalLink>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{data.name}</h1>
          <p className="lead">{data.description}</p>
        </div>
        <div className="toolbar">
          <YearSelect year={year} years={years} onChange={setYear} />
          {isMember && <DraftsSwitch drafts={drafts} onChange={setDrafts} />}
          <LocalLink
            to={`/networks/${slug}/good-practices`}
            className="button button--secondary"
            data-testid="good-practices-link"
          >
            {t('actions.goodPractice.link')}
          </LocalLink>
          {manages && (
            <LocalLink
              to={`/networks/${slug}/review`}
              className="button"
              data-testid="review-queue-link"
            >
              {t('workspace.queue.title')}
            </LocalLink>
          )}
        </div>
      </div>
      <DownloadShareBar
        items={[
          ...(scores.data !== undefined && scores.data.cities.length > 0
            ? [
                {
                  kind: 'file' as const,
                  label: t('downloads.scoresCsv'),
                  testId: 'download-scores-csv',
                  make: () => networkScoresCsv(scores.data, year, t),
                },
              ]
            : []),
          {
            kind: 'link',
            // The server's export, as the page shows the figures: approved values unless a
            // member switched drafts on (others always get the approved ones).
            label: t(drafts ? 'downloads.allValuesDraftsCsv' : 'downloads.allValuesCsv'),
            href: `/api/v1/networks/${slug}/observations/export${drafts ? '' : '?drafts=false'}`,
            testId: 'download-network-values',
          },
        ]}
      />
      <DataKindNote network={data} />
      <p className="muted">
        {t('network.cities', { count: data.cityCount })} ·{' '}
        {t('network.indicators', { count: data.indicatorCount })}
        {data.dataYears !== null && (
          <>
            {' · '}
            {t('network.years', {
              first: formatYear(data.dataYears.first),
              last: formatYear(data.dataYears.last),
            })}
          </>
        )}
        {scores.data?.year !== undefined && scores.data.year !== null && (
          <>
            {' · '}
            <strong>{t('scores.dataYear', { year: formatYear(scores.data.year) })}</strong>
          </>
        )}
      </p>

      {large ? (
        <>
          <PagedRanking
            network={slug}
            networkName={data.name}
            cityCount={data.cityCount}
            year={year}
            drafts={drafts}
            goals={goals.data?.goals ?? []}
          />
          <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{t('scores.indicatorsHeading')}</h2>
            <p className="muted small">{t('scores.indicatorsIntro')}</p>
            <IndicatorLinks
              network={slug}
              indicators={(indicatorList.data?.indicators ?? []).filter((i) => !i.archived)}
              year={year}
              drafts={drafts}
            />
          </section>
        </>
      ) : scores.isPending ? (
        <LoadingState lines={8} label={t('scores.loading')} />
      ) : scores.isError ? (
        <ErrorState error={scores.error} onRetry={() => void scores.refetch()} />
      ) : scores.data.cities.length === 0 ? (
        <EmptyState>{t('scores.none')}</EmptyState>
      ) : (
        <>
          {scores.data.includesDrafts && (
            <DraftsNotice count={scores.data.cities.filter((c) => c.hasDrafts).length} />
          )}
          <section aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t('scores.rankingHeading')}</h2>
            <p className="muted small">{t('scores.rankingIntro')}</p>
            <RankingTable scores={scores.data} year={year} />
          </section>
          <section aria-labelledby="map-heading" data-testid="network-map-section">
            <h2 id="map-heading">{t('maps.networkHeading')}</h2>
            <p className="muted small">{t('maps.networkIntro')}</p>
            {/* A goal's colour beside its score: the same rule as the heatmap's, said here too. */}
            {measure.kind === 'goal' && <ColourRuleNote named={false} />}
            <NetworkMapPanel
              members={members}
              measure={measure}
              onMeasureChange={(m) => setMapParam(measureParam(m))}
              scores={scores.data}
              comparison={mapComparison.data}
              year={year}
            />
          </section>
          <section aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{t('scores.heatmapHeading')}</h2>
            <p className="muted small">{t('scores.heatmapIntro')}</p>
            <HeatmapLegend />
            <ColourRuleNote />
            <GoalHeatmap scores={scores.data} goals={goals.data?.goals ?? []} year={year} />
          </section>
          <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{t('scores.indicatorsHeading')}</h2>
            <p className="muted small">{t('scores.indicatorsIntro')}</p>
            <IndicatorLinks
              network={slug}
              indicators={scores.data.indicators}
              year={year}
              drafts={drafts}
            />
          </section>
        </>
      )}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('network.membersHeading')}</h2>
        {large ? (
          <p>{t('largeNetwork.membersNote', { count: data.cityCount })}</p>
        ) : (
          <TableScroll label={t('network.membersHeading')}>
            <table className="table" aria-labelledby="members-heading">
              <thead>
                <tr>
                  <th scope="col">{t('network.city')}</th>
                  <th scope="col">{t('network.country')}</th>
                  <th scope="col" className="num">
                    {t('network.population')}
                  </th>
                  <th scope="col">{t('network.role')}</th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((member) => (
                  <tr key={member.slug}>
                    <th scope="row">
                      <LocalLink to={withYear(`/cities/${member.slug}`, year)}>
                        {member.name}
                      </LocalLink>
                    </th>
                    <td>{member.countryCode}</td>
                    <td className="num">
                      {member.population === null ? '—' : formatInteger(member.population, lang)}
                    </td>
                    <td>
                      {member.role === 'lead_partner'
                        ? t('network.leadPartner')
                        : t('network.partner')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {manages && (
        <NetworkInvitations network={slug} memberSlugs={data.members.map((m) => m.slug)} />
      )}
    </>
  );
}

/** Links to compare the cities on each indicator, grouped by goal. */
function IndicatorLinks({
  network,
  indicators,
  year,
  drafts,
}: {
  network: string;
  indicators: ReadonlyArray<{ slug: string; name: string; goal: number | null }>;
  year: number | undefined;
  drafts: boolean;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="indicator-groups">
      {indicatorsByGoal(indicators).map((group) => (
        <div key={group.goal ?? 'none'}>
          <h3>{group.goal === null ? t('scores.noGoal') : t('sdg.goal', { goal: group.goal })}</h3>
          <ul>
            {group.indicators.map((indicator) => (
              <li key={indicator.slug}>
                <LocalLink
                  to={withDrafts(
                    withYear(`/networks/${network}/compare/${indicator.slug}`, year),
                    drafts,
                  )}
                >
                  {indicator.name}
                </LocalLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
