/**
 * Eurostat City statistics indicators that measure an SDG target in a city,
 * with the direction that is progress: the catalogue step of the workspace
 * offers them first and fills in the target and direction. From the mapping
 * suggested with the shipped Eurostat files (seeds/data/eurostat/README.md);
 * survey questions as "very" + "rather satisfied" sums, and with the codes
 * of every survey wave where the question changed code.
 */

export interface EurostatSuggestion {
  /** As kept in `codes.eurostat` (see eurostat-codes.ts). */
  readonly eurostat: string;
  readonly slug: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: 'increase' | 'decrease';
  /** SDG target, with the official indicator when it measures one. */
  readonly target: string;
  readonly sdgIndicator?: string;
  readonly naturalLimit?: number;
  readonly decimals: number;
}

const RESPONDENTS = '% of respondents';

export const EUROSTAT_SUGGESTIONS: readonly EurostatSuggestion[] = [
  {
    eurostat: 'urb_ctran:TT1060I',
    slug: 'road-deaths-per-10000',
    name: 'People killed in road accidents per 10,000 inhabitants',
    unit: 'per 10,000 inhabitants',
    direction: 'decrease',
    target: '3.6',
    sdgIndicator: '3.6.1',
    decimals: 2,
  },
  {
    eurostat: 'urb_ctran:TT1010V',
    slug: 'journeys-to-work-by-public-transport',
    name: 'Journeys to work by public transport',
    unit: '%',
    direction: 'increase',
    target: '11.2',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_ctran:TT1007V',
    slug: 'journeys-to-work-by-bicycle',
    name: 'Journeys to work by bicycle',
    unit: '%',
    direction: 'increase',
    target: '11.2',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_ctran:TT1008V',
    slug: 'journeys-to-work-on-foot',
    name: 'Journeys to work on foot',
    unit: '%',
    direction: 'increase',
    target: '11.2',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS1012V+PS1013V',
    slug: 'satisfied-with-public-transport',
    name: 'Residents satisfied with public transport',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '11.2',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS1052V+PS1053V',
    slug: 'satisfied-with-green-spaces',
    name: 'Residents satisfied with green spaces',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '11.7',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_cenv:EN5205V',
    slug: 'green-urban-area-share',
    name: 'Land in green urban areas and sports and leisure facilities',
    unit: '% of land',
    direction: 'increase',
    target: '11.7',
    sdgIndicator: '11.7.1',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS2032V',
    slug: 'good-housing-at-reasonable-price',
    name: 'Residents who strongly agree good housing at a reasonable price is easy to find',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '11.1',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS3260V',
    slug: 'very-satisfied-with-air-quality',
    name: 'Residents very satisfied with the quality of the air',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '11.6',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS3290V|PS3514V',
    slug: 'residents-feeling-safe',
    name: 'Residents who strongly agree they feel safe in the city (at night from 2019)',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '16.1',
    sdgIndicator: '16.1.4',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS2042V|PS3587V',
    slug: 'administration-efficient',
    name: 'Residents who strongly agree the city administration helps efficiently',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '16.6',
    sdgIndicator: '16.6.2',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS3611V',
    slug: 'corruption-in-administration',
    name: 'Residents who strongly agree there is corruption in the local administration',
    unit: RESPONDENTS,
    direction: 'decrease',
    target: '16.5',
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS2012V',
    slug: 'easy-to-find-a-good-job',
    name: 'Residents who strongly agree it is easy to find a good job',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '8.5',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_percep:PS3122V',
    slug: 'city-committed-to-climate-action',
    name: 'Residents who strongly agree the city is committed to fighting climate change',
    unit: RESPONDENTS,
    direction: 'increase',
    target: '13.2',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_cenv:EN3012V',
    slug: 'population-connected-to-drinking-water',
    name: 'Population connected to the drinking water system',
    unit: '%',
    direction: 'increase',
    target: '6.1',
    sdgIndicator: '6.1.1',
    naturalLimit: 100,
    decimals: 1,
  },
  {
    eurostat: 'urb_cenv:EN3013V',
    slug: 'population-connected-to-sewage-treatment',
    name: 'Population connected to sewage treatment',
    unit: '%',
    direction: 'increase',
    target: '6.2',
    naturalLimit: 100,
    decimals: 1,
  },
];
