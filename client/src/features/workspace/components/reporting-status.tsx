import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Select } from '../../../components/ui/form-field';
import { TableScroll } from '../../../components/ui/table-scroll';
import type { Observation, WorkspaceIndicator } from '../api/workspace-api';
import { reportingStatus } from '../utils/grid-model';

/**
 * What is missing before the deadline: per goal, how many indicators have a
 * value for the reporting year, and which do not.
 */
export function ReportingStatus(props: {
  groups: ReadonlyArray<{ goal: number | null; indicators: WorkspaceIndicator[] }>;
  values: ReadonlyMap<string, Observation>;
  years: readonly number[];
}): ReactNode {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(
    props.years[props.years.length - 1] ?? new Date().getFullYear() - 1,
  );
  const rows = reportingStatus(props.groups, props.values, year);
  const total = rows.reduce((n, r) => n + r.total, 0);
  const reported = rows.reduce((n, r) => n + r.reported, 0);
  const names = new Map(
    props.groups
      .flatMap((g) => g.indicators)
      .map((i) => [i.slug, i.translations[i18n.language]?.name ?? i.name]),
  );
  return (
    <details className="reporting-status" data-testid="reporting-status">
      <summary>{t('workspace.reporting.summary', { year, reported, total })}</summary>
      <Field label={t('workspace.reporting.year')}>
        <Select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {props.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <TableScroll label={t('workspace.reporting.caption', { year })}>
        <table className="table table--compact table--data">
          <caption>{t('workspace.reporting.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.reporting.goal')}</th>
              <th scope="col">{t('workspace.reporting.reported')}</th>
              <th scope="col">{t('workspace.reporting.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.goal ?? 'none'}>
                <th scope="row">
                  {r.goal === null
                    ? t('workspace.grid.noGoal')
                    : t('workspace.grid.goal', { goal: r.goal })}
                </th>
                <td>
                  <meter min={0} max={r.total} value={r.reported} aria-hidden="true" />{' '}
                  {t('workspace.reporting.count', { reported: r.reported, total: r.total })}
                </td>
                <td>{r.missing.map((slug) => names.get(slug) ?? slug).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
