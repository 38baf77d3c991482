import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';

export const ReviewStateSchema = Type.Union(
  [
    Type.Literal('draft'),
    Type.Literal('submitted'),
    Type.Literal('returned'),
    Type.Literal('approved'),
  ],
  {
    description:
      'draft: being entered; submitted: waiting for the coordinators (locked); returned: sent back with comments; approved: public and locked until reopened.',
  },
);

export const ReviewAction = Type.Union(
  [
    Type.Literal('submit'),
    Type.Literal('withdraw'),
    Type.Literal('return'),
    Type.Literal('approve'),
    Type.Literal('reopen'),
  ],
  { description: 'The step to take.' },
);
export type ReviewAction = Static<typeof ReviewAction>;

const Stamp = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const ReviewPeriod = Type.Object({
  year: Type.Integer(),
  state: ReviewStateSchema,
  locked: Type.Boolean({ description: 'Whether the city’s editors are refused changes now.' }),
  steps: Type.Array(ReviewAction, { description: 'The steps the reader may take now.' }),
  values: Type.Integer({ description: 'How many values the city has for the year.' }),
  published: Type.Integer({ description: 'How many of them the public sees (approved).' }),
  submittedAt: Stamp,
  submittedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Stamp,
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Stamp,
  comments: Type.Integer(),
});
export type ReviewPeriod = Static<typeof ReviewPeriod>;

export const ReviewComment = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  indicator: Type.Union([Type.String(), Type.Null()]),
  author: Type.String(),
  body: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
export type ReviewComment = Static<typeof ReviewComment>;

const Ref = Type.Object({ slug: Type.String(), name: Type.String() });

export const CityReviews = Type.Object({
  network: Ref,
  city: Ref,
  years: Type.Array(ReviewPeriod),
  comments: Type.Array(ReviewComment),
  you: Type.Object({ canSubmit: Type.Boolean(), canDecide: Type.Boolean() }),
});
export type CityReviews = Static<typeof CityReviews>;

export const ReviewQueue = Type.Object({
  network: Ref,
  periods: Type.Array(
    Type.Object({
      city: Ref,
      year: Type.Integer(),
      state: ReviewStateSchema,
      submittedAt: Stamp,
      submittedBy: Type.Union([Type.String(), Type.Null()]),
      values: Type.Integer(),
    }),
  ),
});
export type ReviewQueue = Static<typeof ReviewQueue>;

export const ReviewParams = Type.Object({ network: Slug, city: Slug });
export const ReviewYearParams = Type.Object({
  network: Slug,
  city: Slug,
  year: Type.Integer({ minimum: 1950, maximum: 2100 }),
});

export const ReviewActionBody = Type.Object(
  {
    confirmFlagged: Type.Optional(
      Type.Boolean({
        description:
          'Approve: required (true) when some of the year’s values carry a plausibility flag, to confirm publishing them (409 lists them otherwise).',
      }),
    ),
    comment: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'Required to return or reopen a year: why.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CommentInput = Type.Object(
  {
    indicator: Type.Optional(Slug),
    body: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object(
  {
    state: Type.Optional(ReviewStateSchema),
  },
  { additionalProperties: false },
);

// ---------- the checklist of a year ----------

export const ChecklistValue = Type.Object({
  indicator: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  series: Type.Record(Type.String(), Type.String(), {
    description: 'The series ({} for the headline series).',
  }),
  value: Type.Number(),
  flags: Type.String({ description: 'Statistical flag letters (e, p, b, u, c, d).' }),
  plausibility: Type.Union(
    [Type.Object({ kind: Type.String(), message: Type.String() }), Type.Null()],
    { description: 'Why the value was flagged as implausible when it was entered.' },
  ),
  previous: Type.Union([Type.Object({ year: Type.Integer(), value: Type.Number() }), Type.Null()], {
    description: 'The series’ value in the latest earlier year.',
  }),
  change: Type.Union([Type.Number(), Type.Null()], {
    description: 'value − previous value, in the indicator’s unit.',
  }),
  publishedValue: Type.Union([Type.Number(), Type.Null()], {
    description: 'What the public sees now (the last approval), or null.',
  }),
  changedSinceApproval: Type.Boolean({
    description:
      'The year was approved before and this value is new or differs from the approved one.',
  }),
});

export const ReviewChecklist = Type.Object({
  network: Ref,
  city: Ref,
  year: Type.Integer(),
  state: ReviewStateSchema,
  approvedBefore: Type.Boolean({ description: 'The year has been approved at least once.' }),
  values: Type.Array(ChecklistValue),
  missing: Type.Array(
    Type.Object({
      indicator: Type.String(),
      name: Type.String(),
      lastYear: Type.Union([Type.Integer(), Type.Null()], {
        description: 'The latest year the city has a value for it.',
      }),
    }),
    { description: 'Active indicators of the network without a headline value for the year.' },
  ),
  counts: Type.Object({
    values: Type.Integer(),
    flagged: Type.Integer({ description: 'Values with a plausibility flag.' }),
    changed: Type.Integer({ description: 'Values changed since the last approval.' }),
    missing: Type.Integer(),
  }),
});
export type ReviewChecklist = Static<typeof ReviewChecklist>;
