import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse, IndicatorProgress } from '@api/progress.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatShare } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import { useCityActions, type Action } from '../api/actions-api';
import { formatEffect } from '../utils/action-plan';
import { ActionList } from './action-list';
import { GoodPracticeToggle } from './good-practice-toggle';

/** The indicator page's actions: what the city plans against this gap (drafts marked for members). */
export function IndicatorActions({
  city,
  progress,
}: {
  city: string;
  progress: IndicatorProgress;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const actions = useCityActions(city, progress.slug, lang);
  if (actions.isPending) return <LoadingState lines={3} />;
  if (actions.isError)
    return <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />;
  const list = actions.data.actions;
  if (list.length === 0) return <EmptyState>{t('actions.noneForIndicator')}</EmptyState>;
  return <ActionList actions={list} indicator={progress.slug} />;
}

/**
 * The city page's action plan: how many actions, the share of the total gap
 * they should close, the gaps no action addresses, and the actions
 * (coordinators can hold approved ones up as good practices).
 */
export function ActionPlanSection({
  progress,
  year,
  coordinated,
}: {
  progress: CityProgressResponse;
  year: number | undefined;
  /** The city's networks whose coordinator is signed in. */
  coordinated: ReadonlyArray<{ slug: string; name: string }>;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const actions = useCityActions(progress.city.slug, undefined, lang);
  const plan = progress.actionPlan;
  const names = new Map(progress.indicators.map((i) => [i.slug, i.name]));
  return (
    <>
      <p data-testid="plan-summary">
        {t('actions.planSummary', { count: plan.actionCount })}{' '}
        {plan.coverage !== null &&
          t('actions.planCoverage', { coverage: formatShare(plan.coverage, lang) })}{' '}
        {plan.gapCount > 0 &&
          t('actions.planAddressed', { addressed: plan.addressedCount, gaps: plan.gapCount })}
      </p>
      {progress.uncoveredGaps.length > 0 && (
        <>
          <h3>{t('actions.uncoveredHeading', { count: progress.uncoveredGaps.length })}</h3>
          <ul className="inline-list" data-testid="uncovered-gaps">
            {progress.uncoveredGaps.map((slug) => (
              <li key={slug}>
                <LocalLink to={withYear(`/cities/${progress.city.slug}/indicators/${slug}`, year)}>
                  {names.get(slug) ?? slug}
                </LocalLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {actions.isPending ? (
        <LoadingState lines={3} />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />
      ) : actions.data.actions.length === 0 ? (
        <EmptyState>{t('actions.noneForCity')}</EmptyState>
      ) : (
        <details className="table-details">
          <summary>{t('actions.showAll', { count: actions.data.actions.length })}</summary>
          <ActionList
            actions={actions.data.actions}
            linkIndicators
            renderControls={(action) =>
              coordinated.map((n) => (
                <GoodPracticeToggle
                  key={n.slug}
                  action={action}
                  network={n.slug}
                  networkName={n.name}
                />
              ))
            }
          />
        </details>
      )}
    </>
  );
}

/** The brief's actions behind the largest gaps: one line per gap, title and expected effect. */
export function BriefGapActions({
  progress,
  actions,
}: {
  progress: CityProgressResponse;
  actions: readonly Action[];
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = progress.largestGaps.slice(0, 5).flatMap((slug) => {
    const indicator = progress.indicators.find((i) => i.slug === slug);
    if (indicator === undefined) return [];
    const linked = actions.filter(
      (a) => a.status !== 'cancelled' && a.effects.some((e) => e.indicator === slug),
    );
    return [{ indicator, linked }];
  });
  if (rows.length === 0) return null;
  return (
    <ul className="brief-actions" data-testid="brief-actions">
      {rows.map(({ indicator, linked }) => (
        <li key={indicator.slug}>
          <strong>{indicator.name}:</strong>{' '}
          {linked.length === 0
            ? t('actions.noAction')
            : linked
                .map((a) => {
                  const effect = a.effects.find((e) => e.indicator === indicator.slug)!;
                  return `${a.title} (${formatEffect(effect, lang)})`;
                })
                .join('; ')}
        </li>
      ))}
    </ul>
  );
}
