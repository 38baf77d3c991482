import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DistributionBar } from '../../components/ui/distribution-bar';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { StatusBadge } from '../../components/ui/status-badge';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { YearSelect } from '../../components/ui/year-select';
import { useCityProgress } from '../../features/progress/api/progress-api';
import { AmbitionPendingNote } from '../../features/progress/components/ambition-pending';
import { IndicatorTable } from '../../features/progress/components/indicator-table';
import { seriesYears } from '../../features/progress/utils/describe';
import { goalQuery, useGoal } from '../../features/sdg/api/sdg-api';
import { readableTextOn } from '../../lib/colour';
import { useLanguage } from '../../lib/i18n/use-language';
import { useYearParam, withYear } from '../../lib/url-state';

/** One goal of one city: its indicators, their status and gaps, the SDG targets they measure. */
export function CityGoalPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const params = useParams();
  const slug = params.city ?? '';
  const goalNumber = Number(params.goal);
  const [year, setYear] = useYearParam();
  const progress = useCityProgress(slug, year, lang);
  const goal = useGoal(goalNumber, lang);
  // An indicator of this goal may also measure targets of other goals (Košice's goal 3:
  // targets 11.2 and 11.6): their titles come with those goals, asked for here.
  const otherGoals = [
    ...new Set(
      (progress.data?.indicators ?? [])
        .filter((i) => i.goal === goalNumber)
        .flatMap((i) => i.sdgLinks.map((l) => Number(l.target.split('.')[0])))
        .filter((g) => Number.isInteger(g) && g >= 1 && g <= 17 && g !== goalNumber),
    ),
  ].sort((a, b) => a - b);
  const otherGoalDetails = useQueries({
    queries: otherGoals.map((g) => goalQuery(g, lang)),
  });
  useDocumentTitle(
    progress.data === undefined || goal.data === undefined
      ? undefined
      : `${progress.data.city.name}: ${goal.data.goal.shortTitle}`,
  );

  if (progress.isPending || goal.isPending) return <LoadingState lines={8} />;
  if (progress.isError)
    return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  if (goal.isError) return <ErrorState error={goal.error} onRetry={() => void goal.refetch()} />;
  const data = progress.data;
  const sdg = goal.data.goal;
  const indicators = data.indicators
    .filter((i) => i.goal === goalNumber)
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const goalProgress = data.goals.find((g) => g.goal === goalNumber);
  const titles = new Map(
    [goal.data, ...otherGoalDetails.map((q) => q.data)].flatMap((detail) =>
      detail === undefined ? [] : detail.targets.map((target) => [target.code, target] as const),
    ),
  );
  const targets = new Map<string, string[]>();
  for (const indicator of indicators) {
    for (const link of indicator.sdgLinks) {
      const names = targets.get(link.target) ?? [];
      if (!names.includes(indicator.name)) names.push(indicator.name);
      targets.set(link.target, names);
    }
  }
  const targetCodes = [...targets.keys()].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/cities">{t('nav.cities')}</LocalLink> ›{' '}
        <LocalLink to={withYear(`/cities/${data.city.slug}`, year)}>{data.city.name}</LocalLink>
      </nav>
      <div
        className="goal-banner"
        style={{ backgroundColor: sdg.colour, color: readableTextOn(sdg.colour) }}
      >
        <span className="goal-banner__number" aria-hidden="true">
          {sdg.goal}
        </span>
        <div>
          <h1>
            <span className="goal-banner__eyebrow">
              {data.city.name} · {t('sdg.goal', { goal: sdg.goal })}
            </span>
            <span lang={sdg.titleLanguage}>{sdg.shortTitle}</span>
          </h1>
          <p lang={sdg.titleLanguage}>{sdg.title}</p>
        </div>
      </div>
      <div className="toolbar">
        <YearSelect year={year} years={seriesYears(data.indicators)} onChange={setYear} />
      </div>
      {goalProgress === undefined || indicators.length === 0 ? (
        <EmptyState>{t('progress.noIndicatorsForGoal')}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="goal-summary">
            <h2 id="goal-summary">{t('progress.goalSummaryHeading')}</h2>
            <p>
              <StatusBadge status={goalProgress.status} />{' '}
              {t('progress.indicatorCount', { count: goalProgress.indicatorCount })}
            </p>
            <DistributionBar counts={goalProgress.statusCounts} />
          </section>
          <section aria-labelledby="goal-indicators">
            <h2 id="goal-indicators">{t('progress.goalIndicatorsHeading')}</h2>
            <AmbitionPendingNote ambitions={indicators.map((i) => i.ambition)} />
            <IndicatorTable
              city={data.city.slug}
              indicators={indicators}
              year={year}
              caption={t('progress.goalIndicatorsCaption', {
                city: data.city.name,
                goal: sdg.goal,
              })}
            />
          </section>
          <section aria-labelledby="goal-targets">
            <h2 id="goal-targets">{t('progress.targetsHeading')}</h2>
            <ul className="target-links">
              {targetCodes.map((code) => {
                const target = titles.get(code);
                const targetGoal = code.split('.')[0];
                return (
                  <li key={code}>
                    <LocalLink to={`/sdg/goals/${targetGoal}#target-${code}`} className="code">
                      {t('sdg.target', { code })}
                    </LocalLink>
                    {target !== undefined && (
                      <>
                        {' '}
                        <span lang={target.titleLanguage}>{target.title}</span>
                      </>
                    )}
                    <br />
                    <span className="muted small">
                      {t('progress.measuredBy', { names: (targets.get(code) ?? []).join(', ') })}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
