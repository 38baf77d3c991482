import type { Action, GoodPractice } from '../../server/src/schemas/action.schema';

/** An action of Espoo on the recycling rate (the progress fixtures' indicator). */
export function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 7,
    city: 'espoo',
    cityName: 'Espoo',
    title: 'Door-to-door biowaste collection',
    description: 'Separate collection of kitchen waste in every district.',
    department: 'Environment services',
    budget: { amount: 1200000, currency: 'EUR' },
    startYear: 2024,
    endYear: 2027,
    status: 'in_progress',
    statusHistory: [],
    targets: ['11.6', '12.5'],
    effects: [
      {
        indicator: 'municipal-waste-recycling-rate',
        indicatorName: 'Municipal waste recycling rate',
        unit: '%',
        decimals: 1,
        effect: 6,
        effectYear: 2028,
        note: 'Pilot district results',
        realised: false,
      },
    ],
    synthetic: false,
    review: { state: 'draft', comment: null, publishedAt: null, draft: true },
    goodPracticeIn: [],
    version: 1,
    etag: '"a7-1"',
    updatedAt: '2025-03-01T10:00:00.000Z',
    updatedBy: 'kosice@demo.example',
    ...overrides,
  };
}

export function goodPractice(): GoodPractice {
  return {
    action: action({
      id: 9,
      city: 'tallinn',
      cityName: 'Tallinn',
      title: 'Low-emission zone',
      startYear: 2019,
      status: 'done',
      review: {
        state: 'approved',
        comment: null,
        publishedAt: '2024-01-01T00:00:00.000Z',
        draft: false,
      },
      goodPracticeIn: ['demo-net'],
    }),
    note: 'Fast and cheap',
    markedAt: '2024-02-01T00:00:00.000Z',
    markedBy: 'coordinator@demo.example',
    trajectories: [
      {
        indicator: 'pm25-annual-mean',
        indicatorName: 'PM2.5 annual mean',
        unit: 'µg/m³',
        decimals: 1,
        direction: 'decrease',
        series: [
          { year: 2015, value: 14 },
          { year: 2017, value: 14.4 },
          { year: 2019, value: 14.8 },
          { year: 2021, value: 12.8 },
          { year: 2023, value: 10.8 },
        ],
        changeBefore: 0.2,
        changeAfter: -1,
      },
    ],
  };
}
