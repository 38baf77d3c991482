import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorBoundary } from '../../../components/ui/chart-frame';
import type { LegendEntry } from '../utils/network-map-data';
import { MarkerIcon } from './marker-symbol';

/** The lazily loaded map with a placeholder of its height and a retry if its code fails to load. */
export function MapSlot({ height, children }: { height: number; children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return (
    <LoadErrorBoundary
      fallback={(retry) => (
        <div className="notice notice--error" role="alert">
          <p>{t('maps.loadFailed')}</p>
          <button type="button" className="button" onClick={retry}>
            {t('state.retry')}
          </button>
        </div>
      )}
    >
      <Suspense
        fallback={
          <div className="chart-placeholder" style={{ height }} role="status">
            <span className="visually-hidden">{t('maps.loading')}</span>
          </div>
        }
      >
        {children}
      </Suspense>
    </LoadErrorBoundary>
  );
}

/** A marker map's legend: shape, colour or glyph and words, with how many cities each has. */
export function MarkerLegend({
  legend,
  showLead,
  title,
}: {
  legend: readonly LegendEntry[];
  showLead: boolean;
  title: string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="map-legend" data-testid="map-legend">
      <p className="map-legend__title">{title}</p>
      <ul>
        {legend.map((entry) => (
          <li key={entry.key} data-key={entry.key}>
            <MarkerIcon shape={entry.shape} fill={entry.fill} glyph={entry.glyph} />
            <span>{entry.label}</span>
            <span className="muted small"> ({entry.count})</span>
          </li>
        ))}
        {showLead && (
          <li>
            <MarkerIcon shape="circle" fill="#ffffff" isLead />
            <span>{t('network.leadPartner')}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
