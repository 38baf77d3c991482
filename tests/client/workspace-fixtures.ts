import type { Session } from '../../client/src/features/auth/api/auth-api';
import { goalList } from './fixtures';
import type { FakeRoutes } from './render';
import { indicatorDefinition, observation } from './series-fixtures';

/** Last year: always one of the grid's columns. */
export const YEAR = new Date().getFullYear() - 1;
export const RECYCLING = 'municipal-waste-recycling-rate';
export const PM25 = 'pm25-annual-mean';

export function editorSession(roles: Session['roles'] = []): Session {
  return {
    user: { id: 7, email: 'officer@espoo.fi', displayName: 'Espoo officer' },
    roles: [
      { id: 3, role: 'editor', network: null, city: { slug: 'espoo', name: 'Espoo' } },
      ...roles,
    ],
    csrfToken: 'csrf-token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 1800,
    heldBackRoles: [],
    secondFactorChallenge: null,
  };
}

/** The fakes a workspace of Espoo in one network needs; `extra` adds or replaces routes. */
export function workspaceRoutes(extra: FakeRoutes = {}, session = editorSession()): FakeRoutes {
  return {
    '/api/v1/auth/session': session,
    '/api/v1/cities/espoo': {
      slug: 'espoo',
      name: 'Espoo',
      countryCode: 'FI',
      population: 314_000,
      latitude: null,
      longitude: null,
      codes: {},
      version: 1,
      etag: '"1"',
      updatedAt: '2025-01-01T00:00:00.000Z',
      networks: [{ slug: 'demo-net', name: 'Demo network', role: 'partner', dataKind: 'mixed' }],
      observationCount: 0,
      dataYears: null,
    },
    '/api/v1/cities/espoo/invitations': { invitations: [] },
    '/api/v1/networks/demo-net/indicators': {
      indicators: [
        indicatorDefinition(),
        indicatorDefinition({
          slug: PM25,
          name: 'PM2.5 annual mean',
          unit: 'µg/m³',
          direction: 'decrease',
          goal: 11,
          allowedMax: null,
        }),
      ],
    },
    '/api/v1/cities/espoo/ambitions': { ambitions: [] },
    '/api/v1/networks/demo-net/cities/espoo/reviews': {
      network: { slug: 'demo-net', name: 'Demo network' },
      city: { slug: 'espoo', name: 'Espoo' },
      years: [],
      comments: [],
      you: { canSubmit: true, canDecide: false },
    },
    '/api/v1/cities/espoo/history': { events: [], nextBefore: null },
    '/api/v1/sdg/goals': goalList(),
    '/api/v1/cities/espoo/observations': {
      observations: [
        observation({ year: YEAR, value: 38, flags: ['estimated'] }),
        observation({ indicator: PM25, year: YEAR, value: 9.5 }),
        observation({ series: { sex: 'female' }, year: YEAR, value: 41, etag: '"female-1"' }),
        observation({ series: { sex: 'male' }, year: YEAR, value: 35, etag: '"male-1"' }),
      ],
    },
    ...extra,
  };
}
