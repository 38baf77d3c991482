import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnHeads } from './column-heads';
import { EmptyState, ErrorState, LoadingState } from './query-state';
import { TableScroll } from './table-scroll';

/** What the table needs of a query: whether it loads or failed, and how to retry. */
interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A list under its heading as a table, while a query loads, fails or finds
 * nothing: a column a heading, then a last column of row actions (its heading
 * for screen readers only). The rows are the children.
 */
export function QueryTable({
  query,
  isEmpty,
  empty,
  label,
  labelledBy,
  className,
  columns,
  children,
}: {
  query: QueryLike;
  isEmpty: boolean;
  /** What to say when there is nothing. */
  empty: string;
  /** Names the scrolling region. */
  label: string;
  /** The id of the heading that names the table. */
  labelledBy: string;
  className: string;
  columns: readonly string[];
  children: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState lines={2} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) return <EmptyState>{empty}</EmptyState>;
  return (
    <TableScroll label={label}>
      <table className={className} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <ColumnHeads columns={columns.map((label) => ({ label }))} />
            <th scope="col">
              <span className="visually-hidden">{t('auth.actionsColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
