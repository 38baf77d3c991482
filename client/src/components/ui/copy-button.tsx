import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies `text` to the clipboard and says so (a polite live region); when the
 * browser refuses (no permission, no secure context) it tells the reader to
 * select and copy the text themselves. Give each button a distinct label.
 */
export function CopyButton({ text, label }: { text: string; label: string }): ReactNode {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  const copy = async (): Promise<void> => {
    try {
      // Missing outside secure contexts; writeText rejects without permission.
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };

  return (
    <span className="copy">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void copy()}
      >
        {label}
      </button>{' '}
      <span role="status" className={result === 'failed' ? 'copy__failed' : 'copy__done'}>
        {result === 'copied'
          ? t('clipboard.copied')
          : result === 'failed'
            ? t('clipboard.failed')
            : ''}
      </span>
    </span>
  );
}
