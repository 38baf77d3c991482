import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../../components/ui/local-link';
import { SyntheticBadge } from '../../../components/ui/synthetic-badge';
import { formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import type { Action } from '../api/actions-api';
import { formatBudget, formatEffect } from '../utils/action-plan';
import { ActionStatusBadge, ReviewBadge } from './action-badges';

/** "2024–2027", "from 2024". */
export function actionYears(action: Pick<Action, 'startYear' | 'endYear'>): string {
  return action.endYear === null || action.endYear === action.startYear
    ? formatYear(action.startYear)
    : `${formatYear(action.startYear)}\u2013${formatYear(action.endYear)}`;
}

/** One action: title, status, years, expected effects, department, budget, review marker. */
export function ActionCard({
  action,
  indicator,
  headingLevel = 3,
  linkIndicators = false,
  showCity = false,
  children,
}: {
  action: Action;
  /** Only this indicator's expected effect is shown (the indicator page). */
  indicator?: string;
  headingLevel?: 3 | 4;
  /** Link each effect's indicator to the city's indicator page. */
  linkIndicators?: boolean;
  /** Name the city above the title (lists across cities). */
  showCity?: boolean;
  /** Buttons under the card (edit, submit, mark as good practice…). */
  children?: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const effects =
    indicator === undefined
      ? action.effects
      : action.effects.filter((e) => e.indicator === indicator);
  return (
    <article className="action-card" data-testid="action-card">
      <Heading className="action-card__title">
        {showCity && <span className="eyebrow">{action.cityName}</span>}
        {action.title}
        {action.synthetic && (
          <>
            {' '}
            <SyntheticBadge />
          </>
        )}
      </Heading>
      <p className="action-card__meta">
        <ActionStatusBadge status={action.status} /> <ReviewBadge action={action} />{' '}
        <span>{actionYears(action)}</span>
      </p>
      {action.review.state === 'returned' && action.review.comment !== null && (
        <p className="small">{t('actions.returnedWith', { comment: action.review.comment })}</p>
      )}
      {action.description !== '' && (
        <p className="action-card__description">{action.description}</p>
      )}
      <dl className="action-card__facts">
        {effects.map((e) => (
          <div key={e.indicator}>
            <dt>
              {t('actions.expectedEffect')}
              {indicator === undefined && (
                <>
                  {' \u00b7 '}
                  {linkIndicators ? (
                    <LocalLink to={`/cities/${action.city}/indicators/${e.indicator}`}>
                      {e.indicatorName}
                    </LocalLink>
                  ) : (
                    e.indicatorName
                  )}
                </>
              )}
            </dt>
            <dd data-testid="action-effect">
              {t('actions.effectBy', {
                effect: formatEffect(e, lang),
                year: formatYear(e.effectYear),
              })}
              {e.realised && <> ({t('actions.realised')})</>}
              {e.note !== null && e.note !== '' && <span className="muted small"> · {e.note}</span>}
            </dd>
          </div>
        ))}
        {action.department !== null && (
          <div>
            <dt>{t('actions.department')}</dt>
            <dd>{action.department}</dd>
          </div>
        )}
        {action.budget !== null && (
          <div>
            <dt>{t('actions.budget')}</dt>
            <dd>{formatBudget(action.budget, lang)}</dd>
          </div>
        )}
        {action.targets.length > 0 && (
          <div>
            <dt>{t('actions.targets')}</dt>
            <dd>{action.targets.map((code) => t('sdg.target', { code })).join(', ')}</dd>
          </div>
        )}
      </dl>
      {children}
    </article>
  );
}

/** A list of actions, or nothing when there are none. */
export function ActionList({
  actions,
  indicator,
  linkIndicators,
  renderControls,
  testId = 'action-list',
}: {
  actions: readonly Action[];
  indicator?: string;
  linkIndicators?: boolean;
  renderControls?: (action: Action) => ReactNode;
  testId?: string;
}): ReactNode {
  return (
    <ul className="action-list" data-testid={testId}>
      {actions.map((a) => (
        <li key={a.id}>
          <ActionCard action={a} indicator={indicator} linkIndicators={linkIndicators}>
            {renderControls?.(a)}
          </ActionCard>
        </li>
      ))}
    </ul>
  );
}
