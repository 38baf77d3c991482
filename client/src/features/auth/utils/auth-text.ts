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
