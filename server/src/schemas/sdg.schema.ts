import { Type, type Static } from 'typebox';

const Language = Type.String({ description: 'BCP 47 language tag, e.g. "fr".' });

const TranslatedTitle = {
  title: Type.String(),
  titleLanguage: Type.String({
    description: 'The language the title is actually in: English when no translation exists.',
  }),
};

export const SdgGoal = Type.Object({
  goal: Type.Integer({ minimum: 1, maximum: 17 }),
  colour: Type.String({ description: 'Official SDG colour, #RRGGBB.' }),
  shortTitle: Type.String(),
  ...TranslatedTitle,
  targetCount: Type.Integer(),
  indicatorCount: Type.Integer(),
});
export type SdgGoal = Static<typeof SdgGoal>;

export const SdgIndicatorSummary = Type.Object({
  code: Type.String({ description: 'e.g. "11.6.2"' }),
  target: Type.String(),
  goal: Type.Integer(),
  ...TranslatedTitle,
  translationOutdated: Type.Boolean({
    description: 'True when the translation follows the 2020 wording of a title revised in 2023.',
  }),
  unsdCode: Type.Union([Type.String(), Type.Null()]),
  repeatedWith: Type.Array(Type.String(), {
    description: 'The same indicator under other targets (e.g. 1.5.1 = 11.5.1 = 13.1.1).',
  }),
});
export type SdgIndicatorSummary = Static<typeof SdgIndicatorSummary>;

/** A network indicator linked to an SDG target or indicator. */
export const LinkedIndicator = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  network: Type.String({ description: 'Slug of the network that owns the indicator.' }),
  networkName: Type.String(),
  sdgTarget: Type.String(),
  sdgIndicator: Type.Union([Type.String(), Type.Null()]),
});
export type LinkedIndicator = Static<typeof LinkedIndicator>;

export const SdgTarget = Type.Object({
  code: Type.String({ description: 'e.g. "11.6"' }),
  goal: Type.Integer(),
  ...TranslatedTitle,
  note: Type.Union([Type.String(), Type.Null()]),
  indicators: Type.Array(SdgIndicatorSummary),
  linkedIndicators: Type.Array(LinkedIndicator),
});
export type SdgTarget = Static<typeof SdgTarget>;

export const GoalListResponse = Type.Object({
  language: Language,
  goals: Type.Array(SdgGoal),
});
export type GoalListResponse = Static<typeof GoalListResponse>;

export const GoalDetailResponse = Type.Object({
  language: Language,
  goal: SdgGoal,
  targets: Type.Array(SdgTarget),
});
export type GoalDetailResponse = Static<typeof GoalDetailResponse>;

export const TargetDetailResponse = Type.Object({
  language: Language,
  goal: SdgGoal,
  target: SdgTarget,
});
export type TargetDetailResponse = Static<typeof TargetDetailResponse>;

export const IndicatorDetailResponse = Type.Object({
  language: Language,
  goal: SdgGoal,
  target: Type.Object({ code: Type.String(), ...TranslatedTitle }),
  indicator: SdgIndicatorSummary,
  linkedIndicators: Type.Array(LinkedIndicator),
});
export type IndicatorDetailResponse = Static<typeof IndicatorDetailResponse>;

export const GoalParams = Type.Object({
  goal: Type.Integer({ description: 'Goal number, 1 to 17.' }),
});
export const TargetParams = Type.Object({
  target: Type.String({ maxLength: 10, description: 'Target code, e.g. "11.6" or "11.a".' }),
});
/** `code`, not `indicator`: an SDG indicator code is not one of a network's indicators. */
export const SdgIndicatorParams = Type.Object({
  code: Type.String({ maxLength: 12, description: 'SDG indicator code, e.g. "11.6.2".' }),
});
