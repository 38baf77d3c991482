import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/ui/table-scroll';
import type { HistoryEvent } from '../api/workspace-api';

const valueOf = (snapshot: unknown): string => {
  const value = (snapshot as { value?: unknown } | null)?.value;
  return typeof value === 'number' ? String(value) : '—';
};

/** Changes as a table: when, who, what, before, after, comment. */
export function HistoryList(props: {
  events: readonly HistoryEvent[];
  locale: string;
  showEntity?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  if (props.events.length === 0) return <p>{t('workspace.activity.none')}</p>;
  return (
    <TableScroll label={t('workspace.activity.what')}>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{t('workspace.activity.when')}</th>
            <th scope="col">{t('workspace.activity.who')}</th>
            <th scope="col">{t('workspace.activity.what')}</th>
            {props.showEntity === true && <th scope="col">{t('workspace.activity.entity')}</th>}
            <th scope="col">{t('workspace.activity.before')}</th>
            <th scope="col">{t('workspace.activity.after')}</th>
            <th scope="col">{t('workspace.activity.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString(props.locale)}</td>
              <td>{e.actor}</td>
              <td>
                {t(
                  `workspace.action.${e.action.replace('.', '_')}` as 'workspace.action.observation_created',
                  { defaultValue: e.action },
                )}
              </td>
              {props.showEntity === true && <td>{e.entity}</td>}
              <td>
                {e.action.startsWith('review.') && e.action !== 'review.commented'
                  ? ((e.before as { state?: string } | null)?.state ?? '')
                  : valueOf(e.before)}
              </td>
              <td>
                {e.action.startsWith('review.') && e.action !== 'review.commented'
                  ? ((e.after as { state?: string } | null)?.state ?? '')
                  : valueOf(e.after)}
              </td>
              <td>{e.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
