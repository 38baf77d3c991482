import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '@api/network.schema';

/**
 * Says where a network's figures come from: synthetic demo data, a published
 * source (cited), or a mix of both (each indicator marked).
 */
export function DataKindNote({
  network,
}: {
  network: Pick<NetworkSummary, 'dataKind' | 'citation'>;
}): ReactNode {
  const { t } = useTranslation();
  if (network.dataKind === 'synthetic') {
    return (
      <p className="data-note data-note--synthetic" data-testid="synthetic-note">
        <strong>{t('network.synthetic')}.</strong> {t('network.syntheticNote')}
      </p>
    );
  }
  if (network.dataKind === 'mixed') {
    return (
      <p className="data-note" data-testid="mixed-note">
        <strong>{t('network.mixed')}.</strong>{' '}
        {network.citation === null
          ? t('network.mixedNote')
          : t('network.mixedNoteCited', { citation: network.citation })}
      </p>
    );
  }
  if (network.dataKind === 'published' && network.citation !== null) {
    return (
      <p className="data-note">{t('network.publishedNote', { citation: network.citation })}</p>
    );
  }
  return null;
}
