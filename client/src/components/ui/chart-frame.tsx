import { Component, Suspense, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartDownloads, type ChartDownload } from './download-share';

/** Shows `fallback` (with a retry) when a lazily loaded chart or map fails to load. */
export class LoadErrorBoundary extends Component<
  { fallback: (retry: () => void) => ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false }))
      : this.props.children;
  }
}

function ChartFailed({ onRetry }: { onRetry: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('chart.loadFailed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}

/**
 * A chart as a figure: caption (the plain-text summary), the lazily loaded
 * chart (a placeholder of the same height while its code downloads, a retry
 * if it fails), "Download PNG / SVG" of the chart (titled `download.title`,
 * else after its section's heading) and, always, the table with the same numbers.
 */
export function ChartFigure({
  caption,
  height,
  chart,
  table,
  testId,
  download,
}: {
  caption: ReactNode;
  height: number;
  chart: ReactNode;
  table?: ReactNode;
  testId?: string;
  download?: ChartDownload;
}): ReactNode {
  const { t } = useTranslation();
  const chartRef = useRef<HTMLDivElement>(null);
  const placeholder = (
    <div className="chart-placeholder" style={{ height }} role="status">
      <span className="visually-hidden">{t('chart.loading')}</span>
    </div>
  );
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption className="chart-figure__caption">{caption}</figcaption>
      <div className="chart-figure__chart" style={{ minHeight: height }} ref={chartRef}>
        <LoadErrorBoundary fallback={(retry) => <ChartFailed onRetry={retry} />}>
          <Suspense fallback={placeholder}>{chart}</Suspense>
        </LoadErrorBoundary>
      </div>
      <ChartDownloads target={chartRef} download={download} />
      {table}
    </figure>
  );
}
