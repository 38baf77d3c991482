import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';
import { DataKind, MemberRole } from './network.schema';

const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description === undefined ? {} : { description }) });
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const NullableNumber = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description });

// ---------- networks ----------

export const NetworkCreate = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Text(5000)),
    isPublic: Type.Optional(
      Type.Boolean({ description: 'Public networks are readable without signing in.' }),
    ),
    dataKind: Type.Optional(DataKind),
    citation: Type.Optional(NullableText(1000)),
    licence: Type.Optional(NullableText(200)),
  },
  { additionalProperties: false },
);
export type NetworkCreate = Static<typeof NetworkCreate>;

export const NetworkPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Text(5000)),
    isPublic: Type.Optional(Type.Boolean()),
    dataKind: Type.Optional(DataKind),
    citation: Type.Optional(NullableText(1000)),
    licence: Type.Optional(NullableText(200)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type NetworkPatch = Static<typeof NetworkPatch>;

export const MembershipBody = Type.Object({ role: MemberRole }, { additionalProperties: false });
export type MembershipBody = Static<typeof MembershipBody>;

export const MembershipResponse = Type.Object({
  network: Type.String(),
  city: Type.String(),
  role: MemberRole,
  status: Type.Union([Type.Literal('member'), Type.Literal('invited'), Type.Literal('declined')], {
    description:
      '"member": the city is in the network; "invited": it joins when one of its editors accepts; "declined": the invitation was declined.',
  }),
});
export type MembershipResponse = Static<typeof MembershipResponse>;

export const MemberParams = Type.Object({ network: Slug, city: Slug });

export const Invitation = Type.Object({
  network: Type.Object({ slug: Type.String(), name: Type.String() }),
  city: Type.Object({ slug: Type.String(), name: Type.String() }),
  role: MemberRole,
  invitedBy: Type.String({ description: 'Display name of the coordinator who invited the city.' }),
  invitedAt: Type.String({ format: 'date-time' }),
});
export const InvitationList = Type.Object({ invitations: Type.Array(Invitation) });
export type InvitationList = Static<typeof InvitationList>;

/** A city's invitation, named by the inviting network's slug. */
export const InvitationParams = Type.Object({ city: Slug, invitation: Slug });

// ---------- cities ----------

const CodeScheme = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 40,
  description: 'A code system: urban-audit, lau, nuts, ons…',
});
const CodeValue = Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S(.*\\S)?$' });
// additionalProperties: false, or keys outside the pattern (e.g. "") would pass unchecked.
const CityCodes = Type.Record(CodeScheme, CodeValue, {
  additionalProperties: false,
  description:
    'The city’s codes in other systems, e.g. {"urban-audit": "ES003C", "lau": "46250"}: imports match files on them.',
});

const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2, e.g. "FI".',
});

export const CityCreate = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    countryCode: CountryCode,
    population: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()]),
    ),
    latitude: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    longitude: Type.Optional(
      Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()]),
    ),
    // A network the caller coordinates: the new city joins it at once.
    network: Type.Optional(Slug),
    codes: Type.Optional(CityCodes),
  },
  { additionalProperties: false },
);
export type CityCreate = Static<typeof CityCreate>;

export const CityPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    countryCode: Type.Optional(CountryCode),
    population: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()]),
    ),
    latitude: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    longitude: Type.Optional(
      Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()]),
    ),
    codes: Type.Optional(
      Type.Record(CodeScheme, Type.Union([CodeValue, Type.Null()]), {
        additionalProperties: false,
        description: 'Codes to set (null removes a scheme’s code); schemes not named keep theirs.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CityPatch = Static<typeof CityPatch>;

// ---------- indicators ----------

export const Direction = Type.Union([Type.Literal('increase'), Type.Literal('decrease')], {
  description: 'Which way is desirable.',
});
export const TrendType = Type.Union(
  [Type.Literal('auto'), Type.Literal('compound'), Type.Literal('linear')],
  {
    description:
      'auto: compound growth when values are positive, else linear (docs/methodology.md#trend-type-compound-or-linear).',
  },
);

export const ThresholdsSchema = Type.Object(
  {
    green: Type.Number({ description: 'Raw value from which the indicator is green.' }),
    yellow: Type.Number(),
    orange: Type.Number(),
  },
  { additionalProperties: false },
);

export const SdgLinkSchema = Type.Object(
  {
    target: Type.String({ maxLength: 10, description: 'SDG target, e.g. "11.6".' }),
    indicator: Type.Optional(
      Type.Union([Type.String({ maxLength: 12 }), Type.Null()], {
        description: 'SDG indicator under that target, e.g. "11.6.2".',
      }),
    ),
  },
  { additionalProperties: false },
);

const TranslationEntry = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    unit: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
const Translations = Type.Record(
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' }),
  TranslationEntry,
  {
    additionalProperties: false,
    description: 'Name, description and unit in other languages, keyed by language ("fr").',
  },
);

/** Codes of a city or indicator in other systems: scheme → code. */
export const ExternalCodes = Type.Record(
  Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 }),
  Type.String({ minLength: 1, maxLength: 64 }),
  {
    additionalProperties: false,
    description:
      'Codes in other systems, e.g. {"urban-audit": "ES003C", "lau": "46250", "ons": "E06000023"} for a city, {"eurostat": "urb_percep:PS1012V"} for an indicator. Imports match files on them.',
  },
);

const indicatorFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Text(5000)),
  unit: Type.String({ maxLength: 50, description: 'e.g. "%", "µg/m³", "t CO₂e per capita".' }),
  direction: Direction,
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6, description: 'Decimals shown.' })),
  trendType: Type.Optional(TrendType),
  bestBound: Type.Optional(NullableNumber('Raw value that scores 100 (SDSN method).')),
  worstBound: Type.Optional(NullableNumber('Raw value that scores 0.')),
  thresholds: Type.Optional(Type.Union([ThresholdsSchema, Type.Null()])),
  allowedMin: Type.Optional(NullableNumber('Smallest value accepted on entry.')),
  allowedMax: Type.Optional(NullableNumber('Largest value accepted on entry.')),
  maxChange: Type.Optional(
    Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()], {
      description: 'A change per year above this is flagged for review.',
    }),
  ),
  source: Type.Optional(NullableText(500)),
  translations: Type.Optional(Translations),
  codes: Type.Optional(ExternalCodes),
  naturalLimit: Type.Optional(
    NullableNumber(
      'The best value that can exist (e.g. 100 for a coverage rate): without a target, progress near it is judged as Open SDG does.',
    ),
  ),
  synthetic: Type.Optional(
    Type.Boolean({ description: 'Its values are synthetic (generated demo data).' }),
  ),
  sortOrder: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  sdgLinks: Type.Array(SdgLinkSchema, {
    minItems: 1,
    maxItems: 20,
    description: 'The SDG targets/indicators measured.',
  }),
};

export const IndicatorCreate = Type.Object(
  { slug: Slug, ...indicatorFields },
  { additionalProperties: false },
);

export const EurostatIndicatorsCreate = Type.Object(
  {
    indicators: Type.Array(
      Type.Object(
        {
          code: Type.String({
            minLength: 1,
            maxLength: 200,
            description:
              'As kept in codes.eurostat: "urb_ctran:TT1010V", a sum "urb_percep:PS1012V+PS1013V", survey waves "urb_percep:PS3290V|PS3514V".',
          }),
          slug: Type.Optional(Slug),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          unit: Type.Optional(Type.String({ maxLength: 50 })),
          target: Type.Optional(
            Type.String({ maxLength: 10, description: 'SDG target; suggested for curated codes.' }),
          ),
          direction: Type.Optional(Direction),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type EurostatIndicatorsCreate = Static<typeof EurostatIndicatorsCreate>;

export const EurostatSearchQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const EurostatCodeList = Type.Object({
  codes: Type.Array(
    Type.Object({
      code: Type.String({ description: 'As codes.eurostat would keep it.' }),
      label: Type.String(),
      dataset: Type.Union([Type.String(), Type.Null()]),
      suggestion: Type.Union([
        Type.Null(),
        Type.Object({
          slug: Type.String(),
          name: Type.String(),
          unit: Type.String(),
          direction: Direction,
          target: Type.String(),
          sdgIndicator: Type.Union([Type.String(), Type.Null()]),
        }),
      ]),
    }),
  ),
  attribution: Type.String(),
});
export type IndicatorCreate = Static<typeof IndicatorCreate>;

export const IndicatorPatch = Type.Partial(
  Type.Object(
    {
      ...indicatorFields,
      archived: Type.Boolean({
        description: 'Archive (true) to hide from lists and refuse new values; false to restore.',
      }),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false, minProperties: 1 },
);
export type IndicatorPatch = Static<typeof IndicatorPatch>;

export const Indicator = Type.Object({
  slug: Type.String(),
  network: Type.String(),
  name: Type.String(),
  description: Type.String(),
  unit: Type.String(),
  direction: Direction,
  decimals: Type.Integer(),
  trendType: TrendType,
  bestBound: Type.Union([Type.Number(), Type.Null()]),
  worstBound: Type.Union([Type.Number(), Type.Null()]),
  thresholds: Type.Union([ThresholdsSchema, Type.Null()]),
  allowedMin: Type.Union([Type.Number(), Type.Null()]),
  allowedMax: Type.Union([Type.Number(), Type.Null()]),
  maxChange: Type.Union([Type.Number(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  translations: Translations,
  codes: ExternalCodes,
  naturalLimit: Type.Union([Type.Number(), Type.Null()]),
  synthetic: Type.Boolean({
    description: 'Its values are synthetic (generated demo data), not a city’s or a source’s.',
  }),
  sortOrder: Type.Integer(),
  goal: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Primary goal (of the first SDG link).',
  }),
  sdgLinks: Type.Array(
    Type.Object({ target: Type.String(), indicator: Type.Union([Type.String(), Type.Null()]) }),
  ),
  archived: Type.Boolean(),
  version: Type.Integer(),
  etag: Type.String({ description: 'Send it back in If-Match to change or delete the indicator.' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Indicator = Static<typeof Indicator>;

export const IndicatorListResponse = Type.Object({ indicators: Type.Array(Indicator) });
export type IndicatorListResponse = Static<typeof IndicatorListResponse>;

export const IndicatorParams = Type.Object({ indicator: Slug });

export const NetworkIndicatorQuery = Type.Object(
  {
    goal: Type.Optional(Type.Integer({ minimum: 1, maximum: 17 })),
    target: Type.Optional(Type.String({ maxLength: 10 })),
    includeArchived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const IndicatorSearchQuery = Type.Object(
  {
    goal: Type.Optional(Type.Integer({ minimum: 1, maximum: 17 })),
    target: Type.Optional(Type.String({ maxLength: 10 })),
    sdgIndicator: Type.Optional(Type.String({ maxLength: 12 })),
  },
  { additionalProperties: false },
);
