import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useCityFeed, type WorkspaceIndicator } from '../api/workspace-api';
import { HistoryList } from './history-list';

/** The city's recent changes: values, imports, ambitions and review steps, newest first. */
export function ActivityFeed(props: {
  city: string;
  locale: string;
  indicators?: readonly WorkspaceIndicator[];
  networks?: ReadonlyMap<string, string>;
}): ReactNode {
  const { t } = useTranslation();
  const feed = useCityFeed(props.city);
  if (feed.isPending) return <LoadingState lines={4} />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  return (
    <section aria-label={t('workspace.tabs.activity')}>
      <HistoryList
        events={feed.data.events}
        locale={props.locale}
        indicators={props.indicators}
        networks={props.networks}
        showEntity
      />
    </section>
  );
}
