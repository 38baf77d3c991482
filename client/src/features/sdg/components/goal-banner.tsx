import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdgGoal } from '@api/sdg.schema';
import { readableTextOn } from '../../../lib/colour';

/** Heading block of a goal page in the goal's colour. */
export function GoalBanner({ goal }: { goal: SdgGoal }): ReactNode {
  const { t } = useTranslation();
  return (
    <div
      className="goal-banner"
      style={{ backgroundColor: goal.colour, color: readableTextOn(goal.colour) }}
    >
      <span className="goal-banner__number">{goal.goal}</span>
      <div>
        <h1 lang={goal.titleLanguage}>
          <span className="goal-banner__eyebrow">{t('sdg.goal', { goal: goal.goal })}</span>
          {goal.shortTitle}
        </h1>
        <p lang={goal.titleLanguage}>{goal.title}</p>
      </div>
    </div>
  );
}
