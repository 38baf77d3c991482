import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useNetworks } from '../../features/networks/api/networks-api';
import { NetworkCard } from '../../features/networks/components/network-card';

export function NetworksPage(): ReactNode {
  const { t } = useTranslation();
  const networks = useNetworks();
  useDocumentTitle(t('network.listTitle'));
  return (
    <>
      <h1>{t('network.listTitle')}</h1>
      {networks.isPending ? (
        <LoadingState lines={3} />
      ) : networks.isError ? (
        <ErrorState error={networks.error} onRetry={() => void networks.refetch()} />
      ) : networks.data.networks.length === 0 ? (
        <EmptyState>{t('home.noNetworks')}</EmptyState>
      ) : (
        <div className="card-grid">
          {networks.data.networks.map((network) => (
            <NetworkCard key={network.slug} network={network} />
          ))}
        </div>
      )}
    </>
  );
}
