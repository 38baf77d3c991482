import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';

export const ObservationStatus = Type.Union([Type.Literal('provisional'), Type.Literal('final')]);

export const Flag = Type.Object(
  {
    kind: Type.Union([Type.Literal('jump'), Type.Literal('max_change')]),
    message: Type.String(),
    year: Type.Integer(),
    previousYear: Type.Integer(),
    previousValue: Type.Number(),
    value: Type.Number(),
    changePerYear: Type.Number(),
    usualChange: Type.Union([Type.Number(), Type.Null()]),
    robustZ: Type.Union([Type.Number(), Type.Null()]),
    maxChange: Type.Union([Type.Number(), Type.Null()]),
  },
  {
    description:
      'Raised on entry when the change from the previous year is implausible; the value is stored anyway.',
  },
);
export type Flag = Static<typeof Flag>;

/** A series: dimension → value; {} is the headline series (domain/series.ts). */
export const SeriesDimensions = Type.Record(Type.String(), Type.String(), {
  description:
    'The series: its dimensions (e.g. {"sex": "female"}, {"units": "PM10"}, {"ward": "Southville", "geocode": "E05010914"}); {} is the headline series that progress uses.',
});

export const ValueFlag = Type.Union(
  [
    Type.Literal('estimated'),
    Type.Literal('provisional'),
    Type.Literal('break-in-series'),
    Type.Literal('low-reliability'),
    Type.Literal('confidential'),
    Type.Literal('definition-differs'),
  ],
  { description: 'A statistical flag of the source (Eurostat/SDMX e, p, b, u, c, d).' },
);

export const Observation = Type.Object({
  city: Type.String(),
  indicator: Type.String(),
  series: SeriesDimensions,
  year: Type.Integer(),
  value: Type.Number(),
  status: ObservationStatus,
  source: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  flag: Type.Union([Flag, Type.Null()]),
  flags: Type.Array(ValueFlag),
  version: Type.Integer(),
  etag: Type.String({ description: 'Send it back in If-Match to change or delete this value.' }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
});
export type Observation = Static<typeof Observation>;

export const ObservationInput = Type.Object(
  {
    value: Type.Number({
      description: 'The value, in the indicator\u2019s unit. Never a string, never null.',
    }),
    status: Type.Optional(ObservationStatus),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    flags: Type.Optional(Type.Array(ValueFlag, { maxItems: 5, uniqueItems: true })),
    comment: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Why the value changes; kept in its history, not with the value.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ObservationInput = Static<typeof ObservationInput>;

export const ObservationParams = Type.Object({
  city: Slug,
  indicator: Slug,
  year: Type.Integer({ minimum: 1950, maximum: 2100 }),
});

const SeriesParameter = Type.String({
  maxLength: 2500,
  description: 'The series as JSON, e.g. {"sex":"female"}; absent or {} for the headline series.',
});

/** Which series a single value belongs to (the headline when absent). */
export const SeriesQuery = Type.Object(
  { series: Type.Optional(SeriesParameter) },
  { additionalProperties: false },
);

const SeriesFilter = Type.String({
  maxLength: 2500,
  description:
    'Which series: absent for the headline series, a series as JSON (e.g. {"sex":"female"}), or * for every series.',
});

export const ObservationListResponse = Type.Object({ observations: Type.Array(Observation) });
export type ObservationListResponse = Static<typeof ObservationListResponse>;

export const CityObservationQuery = Type.Object(
  {
    indicator: Type.Optional(Slug),
    series: Type.Optional(SeriesFilter),
    goal: Type.Optional(Type.Integer({ minimum: 1, maximum: 17 })),
    from: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
    to: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
  },
  { additionalProperties: false },
);

export const IndicatorObservationQuery = Type.Object(
  {
    city: Type.Optional(Slug),
    series: Type.Optional(SeriesFilter),
    from: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
    to: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
  },
  { additionalProperties: false },
);

export const LatestQuery = Type.Object(
  { goal: Type.Optional(Type.Integer({ minimum: 1, maximum: 17 })) },
  { additionalProperties: false },
);

// ---------- ambitions ----------

export const AmbitionInput = Type.Object(
  {
    baselineYear: Type.Integer({ minimum: 1950, maximum: 2100 }),
    baselineValue: Type.Number(),
    targetYear: Type.Integer({ minimum: 1950, maximum: 2100 }),
    targetValue: Type.Number(),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type AmbitionInput = Static<typeof AmbitionInput>;

export const Ambition = Type.Object({
  city: Type.String(),
  indicator: Type.String(),
  baselineYear: Type.Integer(),
  baselineValue: Type.Number(),
  targetYear: Type.Integer(),
  targetValue: Type.Number(),
  note: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  etag: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
  approved: Type.Boolean({
    description:
      'Whether this is the ambition the public sees. Members read the city’s working copy: false when it was set or changed since the coordinator last approved one of the city’s years in the network (the public still sees the approved one, or none). Everyone else reads the approved copy (always true).',
  }),
});
export type Ambition = Static<typeof Ambition>;

export const AmbitionListResponse = Type.Object({ ambitions: Type.Array(Ambition) });
export type AmbitionListResponse = Static<typeof AmbitionListResponse>;

export const AmbitionParams = Type.Object({ city: Slug, indicator: Slug });

// ---------- history ----------

export const HistoryEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String({
    description:
      'e.g. observation.created, observation.updated, observation.deleted, ambition.updated.',
  }),
  entity: Type.String({ description: 'What changed, e.g. "espoo/pm25-annual-mean/2024".' }),
  before: Type.Unknown(),
  after: Type.Unknown(),
  comment: Type.Union([Type.String(), Type.Null()]),
  importId: Type.Union([Type.Integer(), Type.Null()]),
});
export type HistoryEvent = Static<typeof HistoryEvent>;

export const HistoryResponse = Type.Object({
  events: Type.Array(HistoryEvent),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as ?before= for older events.',
  }),
});
export type HistoryResponse = Static<typeof HistoryResponse>;

export const CityHistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

// ---------- imports ----------

export const ImportFormat = Type.Union(
  [
    Type.Literal('long'),
    Type.Literal('wide'),
    Type.Literal('opensdg'),
    Type.Literal('eurostat-tsv'),
    Type.Literal('eurostat-sdmx'),
  ],
  { description: 'The file’s format; detected from its header when absent.' },
);

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({ default: false, description: 'Validate and report without writing.' }),
    ),
    format: Type.Optional(ImportFormat),
    indicator: Type.Optional(Slug),
    city: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'Open SDG and wide files: the city the file is about (its slug or one of its codes), for rows without GeoCode or a city column.',
      }),
    ),
    network: Type.Optional(Slug),
    dataset: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9_]{1,40}$',
        description:
          'Eurostat bulk TSV: the dataset (e.g. urb_percep), which the file does not name.',
      }),
    ),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);

export const EurostatImportQuery = Type.Object(
  {
    network: Slug,
    dryRun: Type.Optional(
      Type.Boolean({ default: false, description: 'Validate and report without writing.' }),
    ),
    dataset: ImportQuery.properties.dataset,
    fileName: ImportQuery.properties.fileName,
  },
  { additionalProperties: false },
);

const ImportProblem = Type.Object({
  row: Type.Integer({ description: 'Row number as in a spreadsheet: the header is row 1.' }),
  column: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});

export const ImportReport = Type.Object({
  dryRun: Type.Boolean(),
  committed: Type.Boolean(),
  importId: Type.Union([Type.Integer(), Type.Null()]),
  format: ImportFormat,
  delimiter: Type.String(),
  rowsRead: Type.Integer({ description: 'Lines of the file after the header.' }),
  toInsert: Type.Integer(),
  toUpdate: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  skippedReasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })),
  errorCount: Type.Integer(),
  errors: Type.Array(ImportProblem),
  errorsTruncated: Type.Boolean(),
  flaggedCount: Type.Integer(),
  flagged: Type.Array(
    Type.Object({
      row: Type.Integer(),
      city: Type.String(),
      indicator: Type.String(),
      year: Type.Integer(),
      message: Type.String(),
    }),
  ),
  series: Type.Array(
    Type.Object({
      indicator: Type.String(),
      series: SeriesDimensions,
      values: Type.Integer(),
    }),
    {
      description:
        'The series the file holds per indicator ({} = headline), with their value counts (first 100).',
    },
  ),
  warnings: Type.Array(Type.String(), {
    description: 'Worth knowing although nothing is wrong, e.g. that nothing would be stored.',
  }),
  changes: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'The file’s row (the header is row 1).' }),
      city: Type.String(),
      indicator: Type.String(),
      series: SeriesDimensions,
      year: Type.Integer(),
      oldValue: Type.Union([Type.Number(), Type.Null()], {
        description: 'The stored value; null when the value is new.',
      }),
      newValue: Type.Number(),
      also: Type.Array(
        Type.Union([
          Type.Literal('status'),
          Type.Literal('source'),
          Type.Literal('note'),
          Type.Literal('flags'),
        ]),
        { description: 'What else of the value changes besides the number.' },
      ),
    }),
    {
      description:
        'Every value the import inserts or changes, old → new, in the file’s order: the first 1,000 (toInsert + toUpdate count them all). Empty when the file has errors or changes nothing.',
    },
  ),
  changesTruncated: Type.Boolean({
    description: 'More values change than `changes` lists.',
  }),
});
export type ImportReport = Static<typeof ImportReport>;

// ---------- Open SDG repositories ----------

export const OpenSdgImportQuery = Type.Object(
  {
    network: Slug,
    city: Slug,
    dryRun: Type.Optional(
      Type.Boolean({ default: false, description: 'Validate and report without writing.' }),
    ),
    onError: Type.Optional(
      Type.Union([Type.Literal('rollback'), Type.Literal('skipFile')], {
        default: 'rollback',
        description:
          'rollback (default): any file that cannot be imported refuses the whole repository; skipFile: the valid files are imported and the others reported.',
      }),
    ),
  },
  { additionalProperties: false },
);

const RepositoryFileReport = Type.Object({
  file: Type.String({ description: 'The data file’s path in the zip.' }),
  openSdgId: Type.String({ description: 'Its Open SDG indicator id, e.g. "11-1-1-c".' }),
  indicator: Type.Union([Type.String(), Type.Null()], {
    description: 'The network’s indicator it went into.',
  }),
  indicatorCreated: Type.Boolean(),
  indicatorUpdated: Type.Boolean(),
  outcome: Type.Union([
    Type.Literal('imported'),
    Type.Literal('unchanged'),
    Type.Literal('failed'),
    Type.Literal('skipped'),
  ]),
  rowsRead: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  skippedReasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })),
  errorCount: Type.Integer(),
  errors: Type.Array(ImportProblem),
  warnings: Type.Array(Type.String()),
  ambition: Type.Union([
    Type.Null(),
    Type.Object({
      baselineYear: Type.Integer(),
      baselineValue: Type.Number(),
      targetYear: Type.Integer(),
      targetValue: Type.Number(),
    }),
  ]),
});

export const RepositoryReport = Type.Object({
  dryRun: Type.Boolean(),
  committed: Type.Boolean(),
  network: Type.String(),
  city: Type.String(),
  onError: Type.Union([Type.Literal('rollback'), Type.Literal('skipFile')]),
  filesRead: Type.Integer(),
  filesImported: Type.Integer(),
  filesFailed: Type.Integer(),
  indicatorsCreated: Type.Integer(),
  indicatorsUpdated: Type.Integer(),
  ambitionsSet: Type.Integer(),
  ignoredEntries: Type.Integer({
    description: 'Entries of the zip that are neither data nor metadata.',
  }),
  files: Type.Array(RepositoryFileReport),
});

export const OpenSdgExportQuery = Type.Object(
  { network: Type.Optional(Slug) },
  { additionalProperties: false },
);

/** Exports: members may ask for the approved values only, as the page they export from shows them. */
export const ExportQuery = Type.Object(
  {
    drafts: Type.Optional(
      Type.Boolean({
        description:
          'Members: false exports the approved values only (as the public sees them); default true, every value including drafts. Others always get the approved values.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
