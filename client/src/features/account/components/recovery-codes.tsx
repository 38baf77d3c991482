import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/ui/copy-button';

/**
 * Recovery codes, shown this once (they come from a mutation's answer and
 * are never stored): selectable, copyable, downloadable as a text file.
 * Focus moves to the heading so screen readers start with the warning.
 */
export function RecoveryCodesBox({
  codes,
  email,
  onDone,
}: {
  codes: readonly string[];
  email: string;
  onDone: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const list = codes.join('\n');
  const file = `${t('account.codesFileHeading', { email, site: window.location.host })}\n\n${list}\n`;

  return (
    <section className="notice notice-warning secret-box" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" tabIndex={-1} ref={heading}>
        {t('account.codesTitle')}
      </h3>
      <p id="recovery-codes-warning">
        <strong>{t('account.codesOnce')}</strong> {t('account.codesWarning')}
      </p>
      <pre
        className="secret secret--codes"
        data-testid="recovery-codes"
        aria-describedby="recovery-codes-warning"
      >
        <code>{list}</code>
      </pre>
      <div className="actions">
        <CopyButton text={list} label={t('account.copyCodes')} />
        <a
          className="button button--secondary button--small"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="sdg-city-monitor-recovery-codes.txt"
        >
          {t('account.downloadCodes')}
        </a>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('account.codesSaved')}
        </button>
      </div>
    </section>
  );
}
