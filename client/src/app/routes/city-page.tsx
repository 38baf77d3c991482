import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DistributionBar } from '../../components/ui/distribution-bar';
import { DownloadShareBar } from '../../components/ui/download-share';
import { LocalLink } from '../../components/ui/local-link';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { YearSelect } from '../../components/ui/year-select';
import { useSession } from '../../features/auth/api/auth-api';
import { useCityProgress } from '../../features/progress/api/progress-api';
import { CityGoalTiles } from '../../features/progress/components/city-goal-tiles';
import { AmbitionPendingNote } from '../../features/progress/components/ambition-pending';
import { CityNetworks } from '../../features/progress/components/city-header';
import { LargestGaps, StrongestImprovements } from '../../features/progress/components/gap-list';
import { HeadlineFigures } from '../../features/progress/components/headline-figures';
import { IndicatorTable } from '../../features/progress/components/indicator-table';
import { seriesYears } from '../../features/progress/utils/describe';
import { ActionPlanSection } from '../../features/actions/components/plan-sections';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { cityProgressCsv } from '../../features/downloads/csv-tables';
import { useCityObservations, useSyntheticIndicators } from '../../features/series/api/series-api';
import { useLanguage } from '../../lib/i18n/use-language';
import { headlineFlags } from '../../lib/series';
import { useYearParam, withYear } from '../../lib/url-state';

/** The mayor's page: where the city stands on the 17 goals, its largest gaps and best progress. */
export function CityPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const slug = useParams().city ?? '';
  const [year, setYear] = useYearParam();
  const progress = useCityProgress(slug, year, lang);
  const goals = useGoals(lang);
  const session = useSession();
  const synthetic = useSyntheticIndicators(progress.data?.networks ?? []);
  const observations = useCityObservations(slug);
  const flagsOf = useMemo(
    () => headlineFlags(observations.data?.observations ?? []),
    [observations.data],
  );
  useDocumentTitle(progress.data?.city.name ?? t('city.listTitle'));

  if (progress.isPending) return <LoadingState lines={8} />;
  if (progress.isError)
    return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  const data = progress.data;
  const sorted = [...data.indicators].sort(
    (a, b) => (a.goal ?? 99) - (b.goal ?? 99) || a.name.localeCompare(b.name, lang),
  );
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/cities">{t('nav.cities')}</LocalLink>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{data.city.name}</h1>
          <p className="lead">{t('progress.cityLead')}</p>
        </div>
        <div className="toolbar">
          <YearSelect year={year} years={seriesYears(data.indicators)} onChange={setYear} />
          <LocalLink
            to={withYear(`/cities/${data.city.slug}/brief`, year)}
            className="button"
            data-testid="print-brief"
          >
            {t('progress.printBrief')}
          </LocalLink>
          {(session.data?.user ?? null) !== null && (
            <LocalLink
              to={`/cities/${data.city.slug}/workspace`}
              className="button"
              data-testid="open-workspace"
            >
              {t('workspace.open')}
            </LocalLink>
          )}
        </div>
      </div>
      <DownloadShareBar
        items={[
          {
            kind: 'file',
            label: t('downloads.cityCsv'),
            testId: 'download-city-csv',
            make: () => cityProgressCsv(data, year, t),
          },
          {
            kind: 'link',
            // The server's export: every value the reader may see (members: drafts too).
            label: t(
              data.drafts.length > 0 ? 'downloads.allValuesDraftsCsv' : 'downloads.allValuesCsv',
            ),
            href: `/api/v1/cities/${data.city.slug}/observations/export`,
            testId: 'download-city-values',
          },
          {
            kind: 'link',
            label: t('downloads.openSdg'),
            href: `/api/v1/cities/${data.city.slug}/exports/opensdg`,
            testId: 'download-city-opensdg',
          },
        ]}
      />
      <CityNetworks progress={data} />
      <AmbitionPendingNote ambitions={data.indicators.map((i) => i.ambition)} />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('progress.summaryHeading')}</h2>
        <HeadlineFigures progress={data} />
        <DistributionBar counts={data.summary.statusCounts} />
      </section>

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('progress.goalsHeading')}</h2>
        {goals.isPending ? (
          <LoadingState lines={4} />
        ) : goals.isError ? (
          <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
        ) : (
          <CityGoalTiles
            city={data.city.slug}
            goals={goals.data.goals}
            progress={data.goals}
            year={year}
          />
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">{t('progress.largestGapsHeading')}</h2>
          <p className="muted small">{t('progress.largestGapsIntro')}</p>
          <LargestGaps progress={data} year={year} synthetic={synthetic} />
        </section>
        <section aria-labelledby="improvements-heading">
          <h2 id="improvements-heading">{t('progress.improvementsHeading')}</h2>
          <p className="muted small">{t('progress.improvementsIntro')}</p>
          <StrongestImprovements progress={data} year={year} synthetic={synthetic} />
        </section>
      </div>

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('actions.planHeading')}</h2>
        <ActionPlanSection
          progress={data}
          year={year}
          coordinated={data.networks.filter((n) =>
            (session.data?.roles ?? []).some(
              (r) => r.role === 'admin' || (r.role === 'coordinator' && r.network?.slug === n.slug),
            ),
          )}
        />
      </section>

      <section aria-labelledby="all-heading">
        <h2 id="all-heading">{t('progress.allIndicatorsHeading')}</h2>
        <IndicatorTable
          city={data.city.slug}
          indicators={sorted}
          year={year}
          caption={t('progress.allIndicatorsCaption', { city: data.city.name })}
          showGoal
          synthetic={synthetic}
          flagsOf={flagsOf}
        />
        <p className="muted small">
          <LocalLink to="/methodology">{t('progress.howComputed')}</LocalLink>
        </p>
      </section>
    </>
  );
}
