import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../../components/ui/local-link';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useSession } from '../api/auth-api';
import { roleNames } from '../utils/auth-text';

/**
 * Under the header on every page while some of the user's roles do not count
 * because the installation requires a second factor for them.
 */
export function HeldBackNotice(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  // Older servers (and some test fixtures) leave the field out.
  const held = session.data?.heldBackRoles ?? [];
  if ((session.data?.user ?? null) === null || held.length === 0) return null;
  return (
    <div className="held-back" data-testid="held-back-notice">
      <p className="held-back__inner">
        <strong>{t('account.heldBackTitle')}</strong>{' '}
        {t('account.heldBack', { count: held.length, roles: roleNames(t, held, lang) })}{' '}
        <LocalLink to="/account#second-factor">{t('account.heldBackLink')}</LocalLink>
      </p>
    </div>
  );
}
