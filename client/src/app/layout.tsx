import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LoadingState } from '../components/ui/query-state';
import { LocalLink, LocalNavLink } from '../components/ui/local-link';
import { AccountMenu } from '../features/auth/components/account-menu';
import { HeldBackNotice } from '../features/auth/components/held-back-notice';
import { NotificationsLink } from '../features/notifications/components/notifications-link';
import { LanguageSwitcher } from './language-switcher';
import { LanguageSync } from './language-sync';

/** Page frame: skip link, header with navigation and language, main content, footer. */
export function Layout(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <LanguageSync />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <LocalLink to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('app.name')}</span>
          </LocalLink>
          <nav aria-label={t('app.mainNavigation')} className="main-nav">
            <ul>
              <li>
                <LocalNavLink to="/networks">{t('nav.networks')}</LocalNavLink>
              </li>
              <li>
                <LocalNavLink to="/cities">{t('nav.cities')}</LocalNavLink>
              </li>
              <li>
                <LocalNavLink to="/sdg">{t('nav.framework')}</LocalNavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
          <NotificationsLink />
          <AccountMenu />
        </div>
        <HeldBackNotice />
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Suspense fallback={<LoadingState lines={6} />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.attribution')}</p>
        <p>
          <a href="/api/docs">{t('nav.apiDocs')}</a>
        </p>
      </footer>
    </>
  );
}
