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

/**
 * Where a sign-in lands when no page was asked for (`next` missing or the
 * home page): an editor on their city's workspace, a coordinator on their
 * network's review queue, anyone else on the home page. Someone with both
 * roles reaches the workspace (entering data is the daily task; the queue is
 * one link away on the network page).
 */
export function landingPath(roles: readonly Grant[]): string {
  const editor = roles.find((r) => r.role === 'editor' && r.city !== null);
  if (editor?.city) return `/cities/${editor.city.slug}/workspace`;
  const coordinator = roles.find((r) => r.role === 'coordinator' && r.network !== null);
  if (coordinator?.network) return `/networks/${coordinator.network.slug}/review`;
  return '/';
}

/** The page to open after signing in: the one asked for, else the reader's landing page. */
export function afterSignIn(next: string | null, roles: readonly Grant[]): string {
  const asked = safeNext(next);
  const path = asked.split(/[?#]/)[0];
  return path === '/' || path === '/sign-in' ? landingPath(roles) : asked;
}
