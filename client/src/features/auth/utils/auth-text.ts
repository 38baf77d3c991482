import type { Grant } from '../api/auth-api';

/** A role grant in words: "Editor of Košice". */
export function roleText(
  t: (key: string, options?: Record<string, string>) => string,
  grant: Grant,
): string {
  const scope = grant.network?.name ?? grant.city?.name ?? '';
  switch (grant.role) {
    case 'admin':
      return t('auth.roleAdmin');
    case 'coordinator':
      return t('auth.roleCoordinator', { scope });
    case 'editor':
      return t('auth.roleEditor', { scope });
    case 'viewer':
      return t('auth.roleViewer', { scope });
  }
}

/** Only paths on this site: `next` must never send the user elsewhere (open redirect). */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.includes('\\'))
    return '/';
  return next;
}

/** Role names without their scope, as a list in the reader's language: "editor and coordinator". */
export function roleNames(
  t: (key: string) => string,
  roles: readonly Grant['role'][],
  locale: string,
): string {
  const name = (role: Grant['role']): string => {
    switch (role) {
      case 'admin':
        return t('account.roleNames.admin');
      case 'coordinator':
        return t('account.roleNames.coordinator');
      case 'editor':
        return t('account.roleNames.editor');
      case 'viewer':
        return t('account.roleNames.viewer');
    }
  };
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(roles.map(name));
}
