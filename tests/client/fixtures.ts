import type { SessionResponse } from '../../server/src/schemas/auth.schema';
import type {
  GoalDetailResponse,
  GoalListResponse,
  SdgGoal,
} from '../../server/src/schemas/sdg.schema';

const COLOURS = [
  '#E5243B',
  '#DDA63A',
  '#4C9F38',
  '#C5192D',
  '#FF3A21',
  '#26BDE2',
  '#FCC30B',
  '#A21942',
  '#FD6925',
  '#DD1367',
  '#FD9D24',
  '#BF8B2E',
  '#3F7E44',
  '#0A97D9',
  '#56C02B',
  '#00689D',
  '#19486A',
];

export function goal(n: number, lang = 'en'): SdgGoal {
  return {
    goal: n,
    colour: COLOURS[n - 1] ?? '#000000',
    shortTitle: lang === 'fr' ? `Objectif court ${n}` : `Short title ${n}`,
    title: `Title of goal ${n}`,
    titleLanguage: lang,
    targetCount: 10,
    indicatorCount: 14,
  };
}

export function goalList(lang = 'en'): GoalListResponse {
  return { language: lang, goals: Array.from({ length: 17 }, (_, i) => goal(i + 1, lang)) };
}

export const goal11: GoalDetailResponse = {
  language: 'en',
  goal: { ...goal(11), shortTitle: 'Sustainable cities and communities' },
  targets: [
    {
      code: '11.6',
      goal: 11,
      title: 'By 2030, reduce the adverse per capita environmental impact of cities',
      titleLanguage: 'en',
      note: null,
      indicators: [
        {
          code: '11.6.2',
          target: '11.6',
          goal: 11,
          title: 'Annual mean levels of fine particulate matter (e.g. PM2.5 and PM10) in cities',
          titleLanguage: 'en',
          translationOutdated: false,
          unsdCode: 'C110602',
          repeatedWith: [],
        },
      ],
      linkedIndicators: [
        {
          slug: 'pm25',
          name: 'Annual mean PM2.5 concentration',
          unit: 'µg/m³',
          network: 'demo',
          networkName: 'Demo network',
          sdgTarget: '11.6',
          sdgIndicator: '11.6.2',
        },
      ],
    },
    {
      code: '11.c',
      goal: 11,
      title: 'Support least developed countries',
      titleLanguage: 'en',
      note: 'No suitable replacement indicator was proposed.',
      indicators: [],
      linkedIndicators: [],
    },
  ],
};

/** The session of a visitor who is not signed in. */
export const signedOutSession: SessionResponse = {
  user: null,
  roles: [],
  csrfToken: null,
  expiresAt: null,
  idleTimeoutSeconds: 1800,
  heldBackRoles: [],
  secondFactorChallenge: null,
};
