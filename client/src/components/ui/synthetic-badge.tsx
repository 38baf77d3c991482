import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Marks one indicator whose values are generated demo data (in a network
 * that mixes real and synthetic figures), in words, never by colour alone.
 */
export function SyntheticBadge(): ReactNode {
  const { t } = useTranslation();
  return (
    <span className="badge badge--synthetic" title={t('flags.syntheticTitle')}>
      {t('flags.synthetic')}
    </span>
  );
}
