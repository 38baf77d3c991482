import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse } from '@api/progress.schema';
import type { SdgGoal } from '@api/sdg.schema';
import { DistributionBar } from '../../../components/ui/distribution-bar';
import { LocalLink } from '../../../components/ui/local-link';
import { StatusBadge } from '../../../components/ui/status-badge';
import { readableTextOn } from '../../../lib/colour';
import { withYear } from '../../../lib/url-state';

type GoalProgress = CityProgressResponse['goals'][number];

/**
 * The 17 goals of a city as tiles: the official colour and number identify the
 * goal; progress is told by icon, word and the distribution of statuses.
 */
export function CityGoalTiles({
  city,
  goals,
  progress,
  year,
  compact = false,
}: {
  city: string;
  goals: readonly SdgGoal[];
  progress: readonly GoalProgress[];
  year: number | undefined;
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const byGoal = new Map(progress.map((g) => [g.goal, g]));
  return (
    <ol className={`city-goals${compact ? ' city-goals--compact' : ''}`} data-testid="city-goals">
      {goals.map((goal) => {
        const p = byGoal.get(goal.goal);
        const title = t('sdg.goalLabel', { goal: goal.goal, title: goal.shortTitle });
        return (
          <li key={goal.goal} className="city-goal" data-testid="city-goal-tile">
            <div
              className="city-goal__identity"
              style={{ backgroundColor: goal.colour, color: readableTextOn(goal.colour) }}
            >
              <span className="city-goal__number" aria-hidden="true">
                {goal.goal}
              </span>
              <h3 className="city-goal__title" lang={goal.titleLanguage}>
                {p === undefined || p.indicatorCount === 0 || compact ? (
                  <span aria-label={title}>{goal.shortTitle}</span>
                ) : (
                  <LocalLink
                    to={withYear(`/cities/${city}/goals/${goal.goal}`, year)}
                    aria-label={title}
                  >
                    {goal.shortTitle}
                  </LocalLink>
                )}
              </h3>
            </div>
            <div className="city-goal__body">
              {p === undefined || p.indicatorCount === 0 ? (
                <p className="muted small">{t('progress.noIndicatorsForGoal')}</p>
              ) : (
                <>
                  <StatusBadge status={p.status} />
                  <p className="small muted">
                    {t('progress.indicatorCount', { count: p.indicatorCount })}
                  </p>
                  <DistributionBar counts={p.statusCounts} showLegend={!compact} />
                </>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
