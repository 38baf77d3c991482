import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StackTable } from '../../components/ui/stack-table';
import { useParams } from 'react-router';
import { LocalLink } from '../../components/ui/local-link';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useReviewQueue } from '../../features/workspace/api/workspace-api';
import { ActionQueue } from '../../features/actions/components/action-queue';
import { useLanguage } from '../../lib/i18n/use-language';
import { formatDateTime } from '../../lib/format';

/** The coordinators' queue: years cities submitted, oldest first, each linking to its review. */
export function ReviewQueuePage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const network = useParams().network ?? '';
  const queue = useReviewQueue(network);
  useDocumentTitle(t('workspace.queue.title'));
  if (queue.isPending) return <LoadingState lines={5} />;
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  const { periods } = queue.data;
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to={`/networks/${network}`}>{queue.data.network.name}</LocalLink>
      </nav>
      <h1>{t('workspace.queue.title')}</h1>
      <p className="lead">{t('workspace.queue.lead', { network: queue.data.network.name })}</p>
      {periods.length === 0 ? (
        <p>{t('workspace.queue.empty')}</p>
      ) : (
        // A card per year on a phone (stack-table).
        <StackTable
          label={t('workspace.queue.title')}
          testId="review-queue"
          caption={t('workspace.queue.caption', { count: periods.length })}
          columns={[
            { label: t('workspace.queue.city') },
            { label: t('workspace.review.year') },
            { label: t('workspace.review.values'), num: true },
            { label: t('workspace.queue.submitted') },
            { label: t('workspace.review.actions') },
          ]}
        >
          {periods.map((p) => (
            <tr key={`${p.city.slug}-${p.year}`} role="row">
              <th scope="row" role="rowheader" className="stack-table__title">
                {p.city.name}
              </th>
              <td role="cell" className="stack-table__badge">
                {p.year}
              </td>
              <td role="cell" className="num" data-label={t('workspace.review.values')}>
                {p.values}
              </td>
              <td role="cell" data-label={t('workspace.queue.submitted')}>
                {p.submittedAt === null
                  ? ''
                  : t('workspace.review.submitted', {
                      who: p.submittedBy,
                      when: formatDateTime(p.submittedAt, lang),
                    })}
              </td>
              <td role="cell" className="stack-table__actions">
                <LocalLink
                  to={`/cities/${p.city.slug}/workspace?network=${network}&tab=review`}
                  className="button button--small"
                >
                  {t('workspace.queue.open', { city: p.city.name, year: p.year })}
                </LocalLink>
              </td>
            </tr>
          ))}
        </StackTable>
      )}
      <section aria-labelledby="action-queue-heading">
        <h2 id="action-queue-heading">{t('actions.queue.heading')}</h2>
        <ActionQueue network={network} />
      </section>
    </>
  );
}
