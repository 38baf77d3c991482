import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';
import { DataKind, MemberRole, YearRange } from './network.schema';

export const CitySummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  countryCode: Type.String({ description: 'ISO 3166-1 alpha-2, e.g. "FI".' }),
  population: Type.Union([Type.Integer(), Type.Null()]),
  latitude: Type.Union([Type.Number(), Type.Null()]),
  longitude: Type.Union([Type.Number(), Type.Null()]),
  version: Type.Integer(),
  etag: Type.String({ description: 'Send it back in If-Match to change or delete the city.' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type CitySummary = Static<typeof CitySummary>;

export const CityNetwork = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  role: MemberRole,
  dataKind: DataKind,
});

export const CityDetail = Type.Object({
  ...CitySummary.properties,
  codes: Type.Record(Type.String(), Type.String(), {
    description: 'Codes in other systems, e.g. {"urban-audit": "ES003C", "ons": "E06000023"}.',
  }),
  networks: Type.Array(CityNetwork),
  observationCount: Type.Integer(),
  dataYears: YearRange,
});
export type CityDetail = Static<typeof CityDetail>;

export const CityListResponse = Type.Object({ cities: Type.Array(CitySummary) });
export type CityListResponse = Static<typeof CityListResponse>;

export const CityParams = Type.Object({ city: Slug });
