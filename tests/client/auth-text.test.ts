import { describe, expect, it } from 'vitest';
import { roleText, safeNext } from '../../client/src/features/auth/utils/auth-text';

describe('safeNext (where sign-in returns to)', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/cities/kosice?lang=fr')).toBe('/cities/kosice?lang=fr');
    expect(safeNext('/admin/users')).toBe('/admin/users');
  });

  it('never leaves the site (open redirect)', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});

describe('roleText', () => {
  const t = (key: string, options?: Record<string, string>): string =>
    `${key}${options?.scope === undefined ? '' : `:${options.scope}`}`;

  it('names the network or city each role is granted for', () => {
    expect(roleText(t, { id: 1, role: 'admin', network: null, city: null })).toBe('auth.roleAdmin');
    expect(
      roleText(t, {
        id: 2,
        role: 'editor',
        network: null,
        city: { slug: 'kosice', name: 'Košice' },
      }),
    ).toBe('auth.roleEditor:Košice');
    expect(
      roleText(t, {
        id: 3,
        role: 'coordinator',
        network: { slug: 'csg', name: 'CSG' },
        city: null,
      }),
    ).toBe('auth.roleCoordinator:CSG');
  });
});
