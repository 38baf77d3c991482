/**
 * Row shapes as the database returns them (snake_case), after the parity
 * fixes in database.ts: int8 → number, jsonb → object, timestamptz → Date.
 * Repositories map these to API DTOs explicitly.
 */

export type TitleMap = Record<string, string>;

export interface SdgGoalRow {
  goal: number;
  colour: string;
  short_titles: TitleMap;
  titles: TitleMap;
}

export interface SdgTargetRow {
  code: string;
  goal: number;
  sort_order: number;
  titles: TitleMap;
  note: string | null;
}

export interface SdgIndicatorRow {
  code: string;
  target: string;
  goal: number;
  sort_order: number;
  unsd_code: string | null;
  repeated_with: string[];
  titles: TitleMap;
  translation_outdated: boolean;
}

export interface NetworkRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  is_public: boolean;
  data_kind: 'synthetic' | 'published' | 'reported' | 'mixed';
  citation: string | null;
  licence: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CityRow {
  id: number;
  slug: string;
  name: string;
  country_code: string;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface IndicatorRow {
  id: number;
  network_id: number;
  slug: string;
  name: string;
  description: string;
  unit: string;
  direction: 'increase' | 'decrease';
  decimals: number;
  trend_type: 'auto' | 'compound' | 'linear';
  best_bound: number | null;
  worst_bound: number | null;
  green_threshold: number | null;
  yellow_threshold: number | null;
  orange_threshold: number | null;
  allowed_min: number | null;
  allowed_max: number | null;
  max_change: number | null;
  source: string | null;
  translations: Record<string, { name?: string; description?: string; unit?: string }>;
  codes: Record<string, string>;
  natural_limit: number | null;
  synthetic: boolean;
  sort_order: number;
  archived_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}
