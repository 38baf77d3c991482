import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ValuesTable } from '../../../components/ui/values-table';
import { formatNumber, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import type { GoodPractice, Trajectory } from '../api/actions-api';
import { trajectoryGeometry } from '../utils/action-plan';
import { ActionCard } from './action-list';
import { GoodPracticeToggle } from './good-practice-toggle';
import { RateChange } from '../../progress/components/rate-change';

/** "+0.40 µg/m³ a year ✖ worse": a change per year as every page shows it (RateChange). */
function ChangeText({
  change,
  trajectory,
}: {
  change: number | null;
  trajectory: Trajectory;
}): ReactNode {
  const { t } = useTranslation();
  if (change === null) return <span className="muted">{t('actions.goodPractice.tooFew')}</span>;
  return (
    <RateChange
      rate={change}
      trend="linear"
      unit={trajectory.unit}
      decimals={trajectory.decimals}
      direction={trajectory.direction}
    />
  );
}

/** One indicator's values before and after the action's start year: small chart, sentence and table. */
function TrajectoryFigure({
  trajectory,
  startYear,
  city,
}: {
  trajectory: Trajectory;
  startYear: number;
  city: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const g = trajectoryGeometry(trajectory.series, startYear, 240, 72);
  const caption = t('actions.goodPractice.tableCaption', {
    indicator: trajectory.indicatorName,
    city,
  });
  return (
    <figure className="trajectory" data-testid="trajectory">
      <figcaption>
        <strong>{trajectory.indicatorName}</strong>
        <br />
        {t('actions.goodPractice.before')}{' '}
        <ChangeText change={trajectory.changeBefore} trajectory={trajectory} />
        <br />
        {t('actions.goodPractice.after', { year: formatYear(startYear) })}{' '}
        <ChangeText change={trajectory.changeAfter} trajectory={trajectory} />
      </figcaption>
      {g !== null && (
        <svg
          className="trajectory__chart"
          width={g.width}
          height={g.height}
          viewBox={`0 0 ${g.width} ${g.height}`}
          aria-hidden="true"
          focusable="false"
        >
          {g.startX !== null && (
            <line x1={g.startX} x2={g.startX} y1={0} y2={g.height} className="trajectory__start" />
          )}
          <path d={g.before} className="trajectory__before" />
          <path d={g.after} className="trajectory__after" />
          {g.dots.map((d, i) =>
            d.after ? (
              <rect
                key={i}
                x={d.x - 3}
                y={d.y - 3}
                width={6}
                height={6}
                className="trajectory__dot--after"
              />
            ) : (
              <circle key={i} cx={d.x} cy={d.y} r={3} className="trajectory__dot--before" />
            ),
          )}
        </svg>
      )}
      <details className="table-details">
        <summary>{t('chart.showTable')}</summary>
        <ValuesTable
          caption={caption}
          unit={trajectory.unit}
          columns={[
            { label: t('chart.year') },
            { label: t('actions.goodPractice.value'), num: true },
            { label: t('actions.goodPractice.period') },
          ]}
        >
          {trajectory.series.map((p) => (
            <tr key={p.year}>
              <th scope="row">{formatYear(p.year)}</th>
              <td className="num">{formatNumber(p.value, lang, trajectory.decimals)}</td>
              <td>
                {p.year < startYear
                  ? t('actions.goodPractice.periodBefore')
                  : t('actions.goodPractice.periodAfter')}
              </td>
            </tr>
          ))}
        </ValuesTable>
      </details>
    </figure>
  );
}

/** The network's good-practice library: each action with its city's trajectories before and after. */
export function GoodPracticeList({
  practices,
  network,
  networkName,
  canManage,
}: {
  practices: readonly GoodPractice[];
  network: string;
  networkName: string;
  canManage: boolean;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <ul className="action-list good-practices" data-testid="good-practices">
      {practices.map((gp) => (
        <li key={gp.action.id}>
          <ActionCard action={gp.action} linkIndicators showCity>
            <p className="small">
              {gp.note !== null &&
                gp.note !== '' &&
                t('actions.goodPractice.note', { note: gp.note })}
            </p>
            <div className="trajectories">
              {gp.trajectories.map((tr) => (
                <TrajectoryFigure
                  key={tr.indicator}
                  trajectory={tr}
                  startYear={gp.action.startYear}
                  city={gp.action.cityName}
                />
              ))}
            </div>
            {canManage && (
              <GoodPracticeToggle action={gp.action} network={network} networkName={networkName} />
            )}
          </ActionCard>
        </li>
      ))}
    </ul>
  );
}
