import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';

export const DataKind = Type.Union(
  [
    Type.Literal('synthetic'),
    Type.Literal('published'),
    Type.Literal('reported'),
    Type.Literal('mixed'),
  ],
  {
    description:
      'synthetic: generated demo values; published: figures from a published source (see citation); reported: cities\u2019 own figures; mixed: published figures for some indicators, synthetic ones (each indicator says, see `synthetic`) for the others.',
  },
);

export const YearRange = Type.Union([
  Type.Object({ first: Type.Integer(), last: Type.Integer() }),
  Type.Null(),
]);

export const MemberRole = Type.Union([Type.Literal('lead_partner'), Type.Literal('partner')]);

export const NetworkSummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  isPublic: Type.Boolean(),
  dataKind: DataKind,
  citation: Type.Union([Type.String(), Type.Null()]),
  licence: Type.Union([Type.String(), Type.Null()]),
  cityCount: Type.Integer(),
  indicatorCount: Type.Integer(),
  dataYears: YearRange,
  version: Type.Integer(),
  etag: Type.String({ description: 'Send it back in If-Match to change or delete the network.' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type NetworkSummary = Static<typeof NetworkSummary>;

export const NetworkMember = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  countryCode: Type.String(),
  population: Type.Union([Type.Integer(), Type.Null()]),
  role: MemberRole,
});
export type NetworkMember = Static<typeof NetworkMember>;

export const NetworkDetail = Type.Object({
  ...NetworkSummary.properties,
  members: Type.Array(NetworkMember),
  goals: Type.Array(Type.Integer(), { description: 'SDGs the network\u2019s indicators cover.' }),
});
export type NetworkDetail = Static<typeof NetworkDetail>;

export const NetworkListResponse = Type.Object({ networks: Type.Array(NetworkSummary) });
export type NetworkListResponse = Static<typeof NetworkListResponse>;

export const NetworkParams = Type.Object({ network: Slug });
