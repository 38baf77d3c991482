import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdgGoal } from '@api/sdg.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { readableTextOn } from '../../../lib/colour';

/** The 17 goals as tiles in their official colours; each links to its goal page. */
export function GoalGrid({ goals }: { goals: readonly SdgGoal[] }): ReactNode {
  const { t } = useTranslation();
  return (
    <ol className="goal-grid" aria-label={t('home.goalsHeading')}>
      {goals.map((goal) => (
        <li key={goal.goal}>
          <LocalLink
            to={`/sdg/goals/${goal.goal}`}
            className="goal-tile"
            style={{ backgroundColor: goal.colour, color: readableTextOn(goal.colour) }}
            aria-label={t('sdg.goalLabel', { goal: goal.goal, title: goal.shortTitle })}
            data-testid="goal-tile"
          >
            <span className="goal-tile__number" aria-hidden="true">
              {goal.goal}
            </span>
            <span className="goal-tile__title" aria-hidden="true" lang={goal.titleLanguage}>
              {goal.shortTitle}
            </span>
            <span className="goal-tile__meta" aria-hidden="true">
              {t('sdg.targets', { count: goal.targetCount })} ·{' '}
              {t('sdg.indicators', { count: goal.indicatorCount })}
            </span>
          </LocalLink>
        </li>
      ))}
    </ol>
  );
}
