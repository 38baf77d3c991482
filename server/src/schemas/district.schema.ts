import { Type, type Static } from 'typebox';

// ---------- district boundaries (issue 15) ----------

export const DistrictsUploadQuery = Type.Object(
  {
    codeProperty: Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'The feature property holding each district’s code, as the data’s GeoCode / `geocode` dimension has it (e.g. "WD21CD" for ONS wards).',
    }),
    nameProperty: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'The feature property holding the district’s name (e.g. "WD21NM").',
      }),
    ),
    onlyMatching: Type.Optional(
      Type.Boolean({
        description:
          'Keep only the features whose code is a district code in the city’s data (a national or regional file); the others are left out unchecked and counted in `leftOut`.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DistrictsUploadQuery = Static<typeof DistrictsUploadQuery>;

export const FeatureCollectionUpload = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 5000 }),
  },
  {
    description:
      'A GeoJSON FeatureCollection in longitude/latitude (WGS 84): one Polygon or MultiPolygon feature per district.',
  },
);

const DistrictFeature = Type.Object({
  type: Type.Literal('Feature'),
  properties: Type.Object({
    code: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
  }),
  geometry: Type.Object({
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown()),
  }),
});

export const CityDistricts = Type.Object({
  city: Type.String(),
  codeProperty: Type.String(),
  nameProperty: Type.Union([Type.String(), Type.Null()]),
  featureCount: Type.Integer(),
  bbox: Type.Array(Type.Number(), {
    minItems: 4,
    maxItems: 4,
    description: '[west, south, east, north]',
  }),
  uploadedBytes: Type.Integer(),
  storedBytes: Type.Integer({
    description: 'After simplification (about 10 m for a 20 km city) and rounding to 5 decimals.',
  }),
  matchedCodes: Type.Integer({
    description: 'Districts whose code appears in the city’s data.',
  }),
  dataCodesWithoutBoundary: Type.Array(Type.String(), {
    description: 'District codes in the city’s data that no boundary carries.',
  }),
  leftOut: Type.Optional(
    Type.Integer({
      description:
        'Upload with onlyMatching: features of the file left out because their code is not in the city’s data.',
    }),
  ),
  geojson: Type.Object(
    {
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(DistrictFeature),
    },
    {
      description:
        'Simplified, RFC 7946 winding (exterior rings counter-clockwise); properties `code` and `name` only.',
    },
  ),
  version: Type.Integer(),
  etag: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type CityDistricts = Static<typeof CityDistricts>;
