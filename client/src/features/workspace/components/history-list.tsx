import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StackTable } from '../../../components/ui/stack-table';
import { formatDateTime } from '../../../lib/format';
import type { HistoryEvent, WorkspaceIndicator } from '../api/workspace-api';
import { describeChange, indicatorLabels } from '../utils/describe-change';

/**
 * Changes as a table: when, who, what, to what (an indicator's name and unit,
 * a year's review, an import), before → after in the reader's words and
 * numbers, and the comment. On a phone each change is a card.
 */
export function HistoryList(props: {
  events: readonly HistoryEvent[];
  locale: string;
  showEntity?: boolean;
  /** The indicators the changes may concern, for names, units and decimals. */
  indicators?: readonly WorkspaceIndicator[];
  /** Network names by slug, for the review steps. */
  networks?: ReadonlyMap<string, string>;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const labels = useMemo(
    () => indicatorLabels(props.indicators ?? [], i18n.language),
    [props.indicators, i18n.language],
  );
  if (props.events.length === 0) return <p>{t('workspace.activity.none')}</p>;
  const ctx = {
    t: t as (key: string, options?: Record<string, unknown>) => string,
    locale: props.locale,
    indicators: labels,
    networks: props.networks ?? new Map<string, string>(),
  };
  const heads = {
    when: t('workspace.activity.when'),
    who: t('workspace.activity.who'),
    what: t('workspace.activity.what'),
    entity: t('changes.subject'),
    before: t('workspace.activity.before'),
    after: t('workspace.activity.after'),
    comment: t('workspace.activity.comment'),
  };
  return (
    <StackTable
      label={t('workspace.activity.what')}
      className="history-table"
      testId="history-table"
      columns={[
        heads.when,
        heads.who,
        heads.what,
        ...(props.showEntity === true ? [heads.entity] : []),
        heads.before,
        heads.after,
        heads.comment,
      ].map((label) => ({ label }))}
    >
      {props.events.map((e) => {
        const change = describeChange(e, ctx);
        return (
          <tr key={e.id} role="row">
            <td role="cell" data-label={heads.when} className="history-table__when">
              <time dateTime={e.at}>{formatDateTime(e.at, props.locale)}</time>
            </td>
            <td role="cell" data-label={heads.who}>
              {e.actor}
            </td>
            <td role="cell" data-label={heads.what}>
              {change.what}
            </td>
            {props.showEntity === true && (
              <td role="cell" data-label={heads.entity}>
                {change.subject}
                {change.series !== null && <span className="muted small"> · {change.series}</span>}
              </td>
            )}
            <td role="cell" data-label={heads.before} className="history-table__value">
              {change.before}
            </td>
            <td role="cell" data-label={heads.after} className="history-table__value">
              {change.before !== '' && change.after !== '' && (
                <span aria-hidden="true" className="history-table__arrow">
                  →{' '}
                </span>
              )}
              {change.after}
            </td>
            <td role="cell" data-label={heads.comment}>
              {e.comment ?? ''}
            </td>
          </tr>
        );
      })}
    </StackTable>
  );
}
