import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { chartPicture, pictureToPng } from '../charts/chart-export';
import { downloadBlob, downloadCsv, fileSlug } from '../../lib/csv-file';
import { useLanguage } from '../../lib/i18n/use-language';
import { withLanguage } from './local-link';

/** One download of a page: a file the page builds from its data, or a server export. */
export type DownloadItem =
  | {
      kind: 'file';
      label: string;
      /** Builds the file when asked (the CSV text with its BOM). */
      make: () => { fileName: string; text: string };
      testId?: string;
    }
  | { kind: 'link'; label: string; href: string; testId?: string };

/** The address of the view as shown: path, query (year, drafts, selection…) and language. */
export function useViewUrl(): string {
  const location = useLocation();
  const lang = useLanguage();
  return `${window.location.origin}${withLanguage(`${location.pathname}${location.search}${location.hash}`, lang)}`;
}

/**
 * "Copy link to this view": copies the address with its query state and says
 * "Link copied" in a polite live region. Where the browser gives no clipboard
 * (no permission, not a secure context) the address appears in a text field,
 * selected, for the reader to copy.
 */
export function CopyLinkButton(): ReactNode {
  const { t } = useTranslation();
  const url = useViewUrl();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [shownUrl, setShownUrl] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  useEffect(() => {
    if (state === 'manual') {
      field.current?.focus();
      field.current?.select();
    }
  }, [state, shownUrl]);

  const copy = async (): Promise<void> => {
    // Emptied first, so a second copy is announced again.
    setState('idle');
    setShownUrl(url);
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="copy-link"
        onClick={() => void copy()}
      >
        {t('downloads.copyLink')}
      </button>
      <span role="status" aria-live="polite" className="download-share__status">
        {state === 'copied'
          ? t('downloads.linkCopied')
          : state === 'manual'
            ? t('downloads.copyManually')
            : ''}
      </span>
      {state === 'manual' && (
        <span className="download-share__manual">
          <label htmlFor={fieldId} className="visually-hidden">
            {t('downloads.linkField')}
          </label>
          <input
            id={fieldId}
            ref={field}
            type="text"
            readOnly
            value={shownUrl}
            data-testid="copy-link-field"
            onFocus={(event) => event.currentTarget.select()}
          />
        </span>
      )}
    </>
  );
}

/**
 * The page's "Download / share" toolbar: its tables as CSV (the server's
 * exports where there are some), and a link to this view. The same on the
 * indicator, city, network and compare pages.
 */
export function DownloadShareBar({ items }: { items: readonly DownloadItem[] }): ReactNode {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div
      className="download-share"
      role="group"
      aria-labelledby={labelId}
      data-testid="download-share"
    >
      <span id={labelId} className="download-share__label">
        {t('downloads.label')}
      </span>
      <ul className="download-share__list">
        {items.map((item) => (
          <li key={item.label}>
            {item.kind === 'file' ? (
              <button
                type="button"
                className="button button--secondary button--small"
                data-testid={item.testId}
                onClick={() => {
                  const file = item.make();
                  downloadCsv(file.fileName, file.text);
                }}
              >
                {item.label}
              </button>
            ) : (
              <a
                className="button button--secondary button--small"
                href={item.href}
                download
                data-testid={item.testId}
              >
                {item.label}
              </a>
            )}
          </li>
        ))}
        <li className="download-share__copy">
          <CopyLinkButton />
        </li>
      </ul>
    </div>
  );
}

/** What a chart's picture says about itself: its title, file name and where its data comes from. */
export interface ChartDownload {
  title: string;
  /** Without extension; from the title when left out. */
  fileName?: string;
  /** The data's own source (the indicator's), said in the source line. */
  dataSource?: string | null;
}

/** The chart's title when the page gave none: its section's heading and the page's title. */
function titleOf(figure: HTMLElement | null): string {
  const heading = figure?.closest('section')?.querySelector('h2, h3')?.textContent?.trim() ?? '';
  const page = document.title.trim();
  return [heading, page].filter((s) => s !== '').join(' \u2013 ') || 'Chart';
}

/** "Download PNG" and "Download SVG" for the chart drawn in `target`. */
export function ChartDownloads({
  target,
  download,
}: {
  target: RefObject<HTMLElement | null>;
  download?: ChartDownload;
}): ReactNode {
  const { t } = useTranslation();
  const url = useViewUrl();
  const [failed, setFailed] = useState(false);

  const picture = () => {
    const element = target.current;
    if (element === null) return null;
    const title = download?.title ?? titleOf(element.closest('figure'));
    const dataSource = download?.dataSource ?? null;
    const source =
      dataSource === null || dataSource === ''
        ? t('downloads.sourceLine', { url })
        : t('downloads.sourceLineWithData', { source: dataSource, url });
    const drawn = chartPicture(element, { title, source });
    return drawn === null
      ? null
      : { ...drawn, fileName: download?.fileName ?? (fileSlug(title) || 'chart') };
  };

  const save = async (kind: 'png' | 'svg'): Promise<void> => {
    setFailed(false);
    try {
      const drawn = picture();
      if (drawn === null) throw new Error('no chart');
      const blob =
        kind === 'svg'
          ? new Blob([drawn.svg], { type: 'image/svg+xml;charset=utf-8' })
          : await pictureToPng(drawn);
      downloadBlob(`${drawn.fileName}.${kind}`, blob);
    } catch {
      setFailed(true);
    }
  };

  return (
    <div
      className="chart-downloads"
      role="group"
      aria-label={
        download === undefined ? undefined : t('downloads.chartGroup', { title: download.title })
      }
      data-testid="chart-downloads"
    >
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="download-png"
        onClick={() => void save('png')}
      >
        {t('downloads.png')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="download-svg"
        onClick={() => void save('svg')}
      >
        {t('downloads.svg')}
      </button>
      <span role="status" className="copy__failed">
        {failed ? t('downloads.chartFailed') : ''}
      </span>
    </div>
  );
}
