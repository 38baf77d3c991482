import type { ProgressStatusValue } from '@api/progress.schema';

/** How each progress status looks: never colour alone (an icon and a word always go with it). */
export const STATUS_META: Readonly<
  Record<ProgressStatusValue | 'stale', { icon: string; tone: string }>
> = {
  target_achieved: { icon: '\u2605', tone: 'achieved' }, // ★
  on_track: { icon: '\u2714', tone: 'on-track' }, // ✔
  acceleration_needed: { icon: '\u2197', tone: 'acceleration' }, // ↗
  limited_progress: { icon: '\u2192', tone: 'limited' }, // →
  deterioration: { icon: '\u2198', tone: 'deterioration' }, // ↘
  insufficient_data: { icon: '?', tone: 'insufficient' },
  stale: { icon: '\u231B', tone: 'stale' }, // ⌛
};

/** Best first: the order statuses are listed and stacked in. */
export const STATUS_ORDER: readonly (ProgressStatusValue | 'stale')[] = [
  'target_achieved',
  'on_track',
  'acceleration_needed',
  'limited_progress',
  'deterioration',
  'insufficient_data',
  'stale',
];

/** Glyph and tone of an SDSN trend arrow. */
export const TREND_META: Readonly<Record<string, { icon: string }>> = {
  on_track: { icon: '\u2191' }, // ↑
  moderately_improving: { icon: '\u2197' }, // ↗
  stagnating: { icon: '\u2192' }, // →
  decreasing: { icon: '\u2193' }, // ↓
};

/** SDSN dashboard colours: a glyph goes with each, so the colour is never alone. */
export const COLOUR_META: Readonly<
  Record<'green' | 'yellow' | 'orange' | 'red', { glyph: string }>
> = {
  green: { glyph: '\u25CF' }, // ● achieved
  yellow: { glyph: '\u25D0' }, // ◐ challenges remain
  orange: { glyph: '\u25B2' }, // ▲ significant challenges
  red: { glyph: '\u25A0' }, // ■ major challenges
};
