import type { ReactNode } from 'react';
import { Link, NavLink, type LinkProps, type NavLinkProps } from 'react-router';
import { useLanguage } from '../../lib/i18n/use-language';

/** Adds the current language to an internal path, so a copied link opens in the same language. */
export function withLanguage(to: string, lang: string): string {
  const [pathAndQuery = '', hash] = to.split('#');
  const [path = '', query = ''] = pathAndQuery.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${path}?${params.toString()}${hash === undefined ? '' : `#${hash}`}`;
}

/** A router Link that keeps `?lang=`. */
export function LocalLink({ to, ...rest }: Omit<LinkProps, 'to'> & { to: string }): ReactNode {
  const lang = useLanguage();
  return <Link to={withLanguage(to, lang)} {...rest} />;
}

/** A router NavLink that keeps `?lang=` (marks the current page with aria-current). */
export function LocalNavLink({
  to,
  ...rest
}: Omit<NavLinkProps, 'to'> & { to: string }): ReactNode {
  const lang = useLanguage();
  return <NavLink to={withLanguage(to, lang)} {...rest} />;
}
