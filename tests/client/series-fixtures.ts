import type { Indicator } from '../../server/src/schemas/catalogue.schema';
import type { Observation } from '../../server/src/schemas/observation.schema';

/** One value as the API returns it (headline series, no flags, unless overridden). */
export function observation(overrides: Partial<Observation> = {}): Observation {
  const base: Observation = {
    city: 'espoo',
    indicator: 'municipal-waste-recycling-rate',
    series: {},
    year: 2023,
    value: 38,
    status: 'final',
    source: null,
    note: null,
    flag: null,
    flags: [],
    version: 1,
    etag: '"v1"',
    updatedAt: '2024-03-01T10:00:00.000Z',
    updatedBy: 'officer@espoo.fi',
  };
  const merged = { ...base, ...overrides };
  return { ...merged, etag: overrides.etag ?? `"${merged.year}-${JSON.stringify(merged.series)}"` };
}

/**
 * Recycling in Espoo: the headline series and a breakdown by sex (women
 * recycle more), with Eurostat-style flags and sources on some values.
 */
export function recyclingBySex(): Observation[] {
  const source = 'Eurostat, City statistics (urb_percep)';
  return [
    observation({ year: 2015, value: 30, source }),
    observation({ year: 2019, value: 34, source }),
    observation({ year: 2023, value: 38, source, flags: ['estimated'] }),
    observation({ series: { sex: 'female' }, year: 2019, value: 36, source }),
    observation({
      series: { sex: 'female' },
      year: 2023,
      value: 41,
      source,
      flags: ['estimated', 'low-reliability'],
    }),
    observation({ series: { sex: 'male' }, year: 2019, value: 32, source }),
    observation({ series: { sex: 'male' }, year: 2023, value: 35, source, note: 'Small sample' }),
  ];
}

/** An indicator definition as GET /indicators/:indicator returns it. */
export function indicatorDefinition(overrides: Partial<Indicator> = {}): Indicator {
  return {
    slug: 'municipal-waste-recycling-rate',
    network: 'demo-net',
    name: 'Municipal waste recycling rate',
    description: 'Share of municipal waste recycled or composted.',
    unit: '%',
    direction: 'increase',
    decimals: 1,
    trendType: 'auto',
    bestBound: 65,
    worstBound: 10,
    thresholds: null,
    allowedMin: 0,
    allowedMax: 100,
    maxChange: null,
    source: null,
    translations: {},
    codes: {},
    naturalLimit: 100,
    synthetic: false,
    sortOrder: 0,
    goal: 12,
    sdgLinks: [{ target: '11.6', indicator: '11.6.1' }],
    archived: false,
    version: 1,
    etag: '"i1"',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}
