import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Knex } from 'knex';
import { BulkLoadRepository } from '../server/src/repositories/bulk-load.repository';
import { SDG_LANGUAGES } from '../server/src/domain/languages';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'sdg-framework');

/** The official SDG colours from the UN communications guidelines (2019). */
export const SDG_COLOURS: Readonly<Record<number, string>> = {
  1: '#E5243B',
  2: '#DDA63A',
  3: '#4C9F38',
  4: '#C5192D',
  5: '#FF3A21',
  6: '#26BDE2',
  7: '#FCC30B',
  8: '#A21942',
  9: '#FD6925',
  10: '#DD1367',
  11: '#FD9D24',
  12: '#BF8B2E',
  13: '#3F7E44',
  14: '#0A97D9',
  15: '#56C02B',
  16: '#00689D',
  17: '#19486A',
};

type CsvRow = Record<string, string>;

function readCsv(file: string): CsvRow[] {
  const text = fs.readFileSync(path.join(DATA_DIR, file), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
}

/** Column suffix used by the source files for a language (`nb` is stored as `nb_NO`). */
function sourceSuffix(lang: string): string {
  return lang === 'nb' ? 'nb_NO' : lang;
}

/** Builds `{en: …, fr: …}` from `<prefix><lang>` columns; English comes from `englishColumn`. */
function titleMap(row: CsvRow, prefix: string, englishColumn: string): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const lang of SDG_LANGUAGES) {
    const value = lang === 'en' ? row[englishColumn] : row[`${prefix}${sourceSuffix(lang)}`];
    if (value !== undefined && value.trim() !== '') titles[lang] = value.trim();
  }
  return titles;
}

function required(row: CsvRow, column: string): string {
  const value = row[column];
  if (value === undefined || value.trim() === '') {
    throw new Error(
      `SDG framework data: column "${column}" is empty in ${JSON.stringify(row).slice(0, 80)}`,
    );
  }
  return value.trim();
}

/** Sort key that orders "1.2" before "1.10" and numbered targets before lettered ones. */
function codeSortKey(code: string): number {
  return code
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : 50 + part.charCodeAt(0) - 96))
    .reduce((acc, n) => acc * 100 + n, 0);
}

export interface FrameworkCounts {
  goals: number;
  targets: number;
  indicators: number;
}

/**
 * Loads (or refreshes) the UN framework with every available translation.
 * Idempotent: rows are upserted by code, so running it twice changes nothing.
 */
export async function seedSdgFramework(knex: Knex): Promise<FrameworkCounts> {
  const goalRows = readCsv('goals_multilang.csv');
  const targetRows = readCsv('targets_multilang.csv');
  const targetMeta = new Map(readCsv('targets.csv').map((r) => [required(r, 'target'), r]));
  const indicatorRows = readCsv('indicators.csv');
  const indicatorLang = new Map(
    readCsv('indicators_multilang.csv').map((r) => [required(r, 'indicator'), r]),
  );

  const goals = goalRows.map((row) => {
    const goal = Number(required(row, 'goal'));
    const colour = SDG_COLOURS[goal];
    if (colour === undefined) throw new Error(`SDG framework data: unknown goal ${goal}`);
    return {
      goal,
      colour,
      short_titles: titleMap(row, 'short_', 'short_en'),
      titles: titleMap(row, 'title_', 'title_en_official_2023'),
    };
  });

  const targets = targetRows.map((row) => {
    const code = required(row, 'target');
    const meta = targetMeta.get(code);
    if (meta === undefined)
      throw new Error(`SDG framework data: target ${code} missing from targets.csv`);
    const note = meta.note?.trim();
    return {
      code,
      goal: Number(required(meta, 'goal')),
      sort_order: codeSortKey(code),
      titles: titleMap(row, 'title_', 'title_en_official_2023'),
      note: note === undefined || note === '' ? null : note,
    };
  });

  const indicators = indicatorRows.map((row) => {
    const code = required(row, 'indicator');
    const lang = indicatorLang.get(code);
    const titles = lang === undefined ? {} : titleMap(lang, 'title_', 'title_en_official_2023');
    titles.en = required(row, 'title');
    const repeated = (row.repeated_with ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    return {
      code,
      target: required(row, 'target'),
      goal: Number(required(row, 'goal')),
      sort_order: codeSortKey(code),
      unsd_code: row.unsd_code?.trim() || null,
      repeated_with: repeated,
      titles,
      translation_outdated: lang?.translation_matches_2023_en === 'no',
    };
  });

  await BulkLoadRepository.inTransaction(knex, (bulk) =>
    bulk.upsertSdgFramework({ goals, targets, indicators }),
  );
  return { goals: goals.length, targets: targets.length, indicators: indicators.length };
}
