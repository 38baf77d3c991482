import { Type, type Static } from 'typebox';
import { Slug } from './common.schema';

// ---------- local action plans (issue 16) ----------

export const ActionStatus = Type.Union(
  [
    Type.Literal('planned'),
    Type.Literal('in_progress'),
    Type.Literal('done'),
    Type.Literal('delayed'),
    Type.Literal('cancelled'),
  ],
  { description: 'Where the action stands; "cancelled" actions no longer count.' },
);
export type ActionStatus = Static<typeof ActionStatus>;

export const ActionReviewState = Type.Union(
  [
    Type.Literal('draft'),
    Type.Literal('submitted'),
    Type.Literal('returned'),
    Type.Literal('approved'),
  ],
  {
    description:
      'Review, like a year of values: drafts are shown to members; approving publishes the action as it is. Changing an approved action makes it a draft again; the public keeps seeing the approved copy until the next approval.',
  },
);
export type ActionReviewState = Static<typeof ActionReviewState>;

const TargetCode = Type.String({
  pattern: '^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$',
  maxLength: 5,
  description: 'An SDG target, e.g. "11.6".',
});

export const ActionEffectInput = Type.Object(
  {
    indicator: Slug,
    effect: Type.Number({
      description:
        'The change in the indicator’s value the action should bring, in the indicator’s unit, signed (e.g. −2 for "2 µg/m³ less").',
    }),
    effectYear: Type.Integer({
      minimum: 1950,
      maximum: 2100,
      description: 'The year by which the effect is expected.',
    }),
    note: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
        description: 'Source or reasoning behind the expected effect.',
      }),
    ),
    realised: Type.Optional(
      Type.Boolean({
        description:
          'The effect is already visible in the data: it is then no longer added to the projection, so nothing is counted twice.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ActionEffectInput = Static<typeof ActionEffectInput>;

const Budget = Type.Object(
  {
    amount: Type.Number({ minimum: 0, maximum: 1e15 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. "EUR".' }),
  },
  { additionalProperties: false },
);

const actionFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 5000 }),
  department: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
    description: 'The responsible department.',
  }),
  budget: Type.Union([Budget, Type.Null()]),
  startYear: Type.Integer({ minimum: 1950, maximum: 2100 }),
  endYear: Type.Union([Type.Integer({ minimum: 1950, maximum: 2100 }), Type.Null()]),
  status: ActionStatus,
  targets: Type.Array(TargetCode, { maxItems: 50, uniqueItems: true }),
  effects: Type.Array(ActionEffectInput, { maxItems: 100 }),
};

export const ActionInput = Type.Object(
  {
    title: actionFields.title,
    description: Type.Optional(actionFields.description),
    department: Type.Optional(actionFields.department),
    budget: Type.Optional(actionFields.budget),
    startYear: actionFields.startYear,
    endYear: Type.Optional(actionFields.endYear),
    status: Type.Optional(actionFields.status),
    targets: Type.Optional(actionFields.targets),
    effects: Type.Optional(actionFields.effects),
  },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionInput>;

/** A change: only the fields sent change; `effects` and `targets`, when sent, replace the lists. */
export const ActionPatch = Type.Object(
  {
    title: Type.Optional(actionFields.title),
    description: Type.Optional(actionFields.description),
    department: Type.Optional(actionFields.department),
    budget: Type.Optional(actionFields.budget),
    startYear: Type.Optional(actionFields.startYear),
    endYear: Type.Optional(actionFields.endYear),
    status: Type.Optional(actionFields.status),
    targets: Type.Optional(actionFields.targets),
    effects: Type.Optional(actionFields.effects),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionPatch = Static<typeof ActionPatch>;

export const ActionEffect = Type.Object({
  indicator: Type.String(),
  indicatorName: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  effect: Type.Number(),
  effectYear: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  realised: Type.Boolean(),
});
export type ActionEffect = Static<typeof ActionEffect>;

export const StatusChange = Type.Object({
  status: ActionStatus,
  at: Type.String({ format: 'date-time' }),
  by: Type.Union([Type.String(), Type.Null()]),
});
export type StatusChange = Static<typeof StatusChange>;

export const Action = Type.Object({
  id: Type.Integer(),
  city: Type.String(),
  cityName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  department: Type.Union([Type.String(), Type.Null()]),
  budget: Type.Union([Budget, Type.Null()]),
  startYear: Type.Integer(),
  endYear: Type.Union([Type.Integer(), Type.Null()]),
  status: ActionStatus,
  statusHistory: Type.Array(StatusChange),
  targets: Type.Array(Type.String()),
  effects: Type.Array(ActionEffect),
  synthetic: Type.Boolean({ description: 'Demo content, not a real city’s action.' }),
  review: Type.Object({
    state: ActionReviewState,
    comment: Type.Union([Type.String(), Type.Null()], {
      description: 'The coordinator’s reason when the action was returned.',
    }),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    draft: Type.Boolean({
      description:
        'True when this is the members’ working copy and it differs from what the public sees (or nothing is public yet).',
    }),
  }),
  goodPracticeIn: Type.Array(Type.String(), {
    description: 'Networks whose coordinators hold the action up as a good practice.',
  }),
  version: Type.Integer(),
  etag: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type Action = Static<typeof Action>;

export const ActionListResponse = Type.Object({ actions: Type.Array(Action) });
export type ActionListResponse = Static<typeof ActionListResponse>;

export const ActionListQuery = Type.Object(
  {
    indicator: Type.Optional(Slug),
    status: Type.Optional(ActionStatus),
    lang: Type.Optional(Type.String({ maxLength: 35 })),
  },
  { additionalProperties: false },
);
export type ActionListQuery = Static<typeof ActionListQuery>;

export const ActionParams = Type.Object({
  actionId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const ActionStepBody = Type.Object(
  { comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export type ActionStepBody = Static<typeof ActionStepBody>;

export const ActionStep = Type.Union([
  Type.Literal('submit'),
  Type.Literal('withdraw'),
  Type.Literal('approve'),
  Type.Literal('return'),
]);
export type ActionStep = Static<typeof ActionStep>;

// ---------- good practices ----------

export const GoodPracticeQuery = Type.Object(
  {
    target: Type.Optional(TargetCode),
    indicator: Type.Optional(Slug),
    lang: Type.Optional(Type.String({ maxLength: 35 })),
  },
  { additionalProperties: false },
);
export type GoodPracticeQuery = Static<typeof GoodPracticeQuery>;

export const GoodPracticeInput = Type.Object(
  { note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])) },
  { additionalProperties: false },
);
export type GoodPracticeInput = Static<typeof GoodPracticeInput>;

const Trajectory = Type.Object({
  indicator: Type.String(),
  indicatorName: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  direction: Type.Union([Type.Literal('increase'), Type.Literal('decrease')]),
  series: Type.Array(Type.Object({ year: Type.Integer(), value: Type.Number() })),
  changeBefore: Type.Union([Type.Number(), Type.Null()], {
    description: 'Mean change per year up to the start year (in the data’s direction: + is up).',
  }),
  changeAfter: Type.Union([Type.Number(), Type.Null()], {
    description: 'Mean change per year from the start year on.',
  }),
});

export const GoodPractice = Type.Object({
  action: Action,
  note: Type.Union([Type.String(), Type.Null()]),
  markedAt: Type.String({ format: 'date-time' }),
  markedBy: Type.Union([Type.String(), Type.Null()]),
  trajectories: Type.Array(Trajectory),
});
export type GoodPractice = Static<typeof GoodPractice>;

export const GoodPracticeListResponse = Type.Object({
  network: Type.String(),
  goodPractices: Type.Array(GoodPractice),
});
export type GoodPracticeListResponse = Static<typeof GoodPracticeListResponse>;

export const GoodPracticeParams = Type.Object({
  network: Slug,
  actionId: ActionParams.properties.actionId,
});

// ---------- action layer of progress ----------

export const GapWithActions = Type.Object(
  {
    projectedValue: Type.Number({
      description:
        'Projected value at the target year plus the expected effects of the non-cancelled, not yet realised actions due by then.',
    }),
    remainingGap: Type.Number({ description: 'max(0, d · (target − projected with actions)).' }),
    coverage: Type.Union([Type.Number(), Type.Null()], {
      description: '(gap − remaining gap) ÷ gap; null when there is no gap.',
    }),
    actions: Type.Array(Type.Integer(), {
      description: 'The non-cancelled actions linked to the indicator.',
    }),
    counted: Type.Array(Type.Integer(), { description: 'Those whose effect is added.' }),
  },
  { description: 'docs/methodology.md#8-actions-and-the-remaining-gap' },
);

export const ActionPlanSummary = Type.Object({
  uncoveredGaps: Type.Array(Type.String(), {
    description: 'Indicators with a gap and no non-cancelled action, largest share first.',
  }),
  gapCount: Type.Integer(),
  addressedCount: Type.Integer(),
  coverage: Type.Union([Type.Number(), Type.Null()], {
    description: 'Share of the total gap (as shares of each ambition) the actions should close.',
  }),
  actionCount: Type.Integer({ description: 'Non-cancelled actions of the city.' }),
});
