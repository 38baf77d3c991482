import type { Readable } from 'node:stream';
import type { Principal } from '../auth/principal';
import type { Delimiter } from '../domain/csv';
import { validateRow, type RowContext } from '../domain/import-row';
import { NumberMap } from '../domain/number-map';
import { MIN_YEAR } from '../domain/observation-rules';
import { seriesDimensions } from '../domain/series';
import { AppError } from '../errors';
import type { ImportColumns, StagedChange, StagingWriter } from '../repositories/import.repository';
import type { ReviewState } from '../repositories/review.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type { AccessService } from './access.service';
import {
  ImportCatalogue,
  MAX_INDICATORS,
  type CatalogueCity,
  type CatalogueIndicator,
} from './import/catalogue';
import { MAX_SERIES } from './import/staged-columns';
import { CsvSyntaxError, EncodingError, readRecords } from './import/csv-records';
import {
  detectFormat,
  HeaderError,
  readerFor,
  type FormatReader,
  type ImportFormat,
  type ReaderOptions,
} from './import/formats';
import { isRecordError, isSkip, type ReadOutcome } from './import/formats/format';
import { plausibilityPass, type ImportFlag } from './import/plausibility-pass';
import { SeriesNumbers, StagedColumns } from './import/staged-columns';
import { lockedMessage } from './review.service';

export type { ImportFormat } from './import/formats';

export interface ImportOptions extends Omit<ReaderOptions, 'networkId'> {
  dryRun: boolean;
  fileName?: string;
  /** Eurostat: the network to import into (its indicators and member cities). */
  network?: string;
}

/** Texts that mean "no value" in published files (Open SDG, Eurostat). */
const MISSING_MARKERS: ReadonlySet<string> = new Set(['n/a', 'na', '..', '-', ':', '…']);
/** At most this many series are listed in a report. */
const MAX_SERIES_LISTED = 100;

export interface ImportProblem {
  /** Row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  importId: number | null;
  format: ImportFormat;
  delimiter: Delimiter;
  rowsRead: number;
  toInsert: number;
  toUpdate: number;
  unchanged: number;
  skipped: number;
  skippedReasons: Array<{ reason: string; count: number }>;
  errorCount: number;
  errors: ImportProblem[];
  errorsTruncated: boolean;
  flaggedCount: number;
  flagged: ImportFlag[];
  /** The series the file holds, per indicator, with how many values each (the first 100). */
  series: Array<{ indicator: string; series: Record<string, string>; values: number }>;
  /** Things to know although nothing is wrong, e.g. that nothing would be stored. */
  warnings: string[];
  /** Every value the import inserts or changes, old → new, in the file's order (the first 1,000). */
  changes: ImportChange[];
  /** More values change than are listed (toInsert + toUpdate counts them all). */
  changesTruncated: boolean;
}

export interface ImportChange {
  row: number;
  city: string;
  indicator: string;
  series: Record<string, string>;
  year: number;
  /** null: a new value. */
  oldValue: number | null;
  newValue: number;
  /** What else of the value changes: status, source, note, flags. */
  also: StagedChange['also'];
}

/** At most this many errors and flags are listed (all are counted). */
export const MAX_LISTED = 1000;
/** A cell quoted in an error report is cut to this many characters. */
export const MAX_QUOTED = 200;

/** The import was refused; nothing was written. Carries the full report. */
export class ImportRejectedError extends AppError {
  constructor(readonly report: ImportReport) {
    const n = report.errorCount;
    super(
      'import_rejected',
      `The file has ${n} ${n === 1 ? 'error' : 'errors'}; nothing was imported. Fix the rows listed and import again.`,
      report,
    );
  }
}

/** What one import found so far: counts, problems, skipped rows, forbidden cities. */
class ImportTally {
  readonly errors: ImportProblem[] = [];
  errorCount = 0;
  rowsRead = 0;
  readonly skipped = new Map<string, number>();
  /** Rows of cities the importer may not change, by city slug (the whole import is then refused). */
  readonly forbidden = new Map<string, { count: number; rows: number[] }>();
  format: ImportFormat;
  delimiter: Delimiter = ',';
  /** Values per (indicator, series), in the order first seen. */
  readonly seriesCounts = new Map<string, { indicator: string; series: string; values: number }>();

  constructor(private readonly options: ImportOptions) {
    this.format = options.format ?? 'long';
  }

  countSeries(indicator: string, series: string): void {
    const key = `${indicator}\u0000${series}`;
    const entry = this.seriesCounts.get(key);
    if (entry !== undefined) entry.values++;
    else this.seriesCounts.set(key, { indicator, series, values: 1 });
  }

  /** Records a problem; the cell is quoted at most MAX_QUOTED characters long. */
  problem(row: number, column: string | null, value: string | null, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_LISTED)
      this.errors.push({
        row,
        column,
        value:
          value === null || value.length <= MAX_QUOTED ? value : `${value.slice(0, MAX_QUOTED)}…`,
        message,
      });
  }

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  forbid(city: string, row: number): void {
    const entry = this.forbidden.get(city) ?? { count: 0, rows: [] };
    entry.count++;
    if (entry.rows.length < 20) entry.rows.push(row);
    this.forbidden.set(city, entry);
  }

  report(
    counts: { toInsert: number; toUpdate: number; unchanged: number },
    outcome: { importId: number | null; committed: boolean },
    flagged: ImportFlag[] = [],
    flaggedCount = flagged.length,
    changes: readonly StagedChange[] = [],
  ): ImportReport {
    const skippedReasons = [...this.skipped].map(([reason, count]) => ({ reason, count }));
    const skipped = skippedReasons.reduce((n, s) => n + s.count, 0);
    const warnings: string[] = [];
    if (this.errorCount === 0 && counts.toInsert + counts.toUpdate + counts.unchanged === 0)
      warnings.push(
        skipped > 0
          ? `Nothing in this file would be stored: all ${skipped} ${skipped === 1 ? 'value was' : 'values were'} left out (see the reasons).`
          : 'Nothing in this file would be stored.',
      );
    return {
      dryRun: this.options.dryRun,
      committed: outcome.committed,
      importId: outcome.importId,
      format: this.format,
      delimiter: this.delimiter,
      rowsRead: this.rowsRead,
      ...counts,
      skipped,
      skippedReasons,
      errorCount: this.errorCount,
      errors: this.errors,
      errorsTruncated: this.errorCount > this.errors.length,
      flaggedCount,
      flagged,
      series: [...this.seriesCounts.values()].slice(0, MAX_SERIES_LISTED).map((s) => ({
        indicator: s.indicator,
        series: { ...seriesDimensions(s.series) },
        values: s.values,
      })),
      warnings,
      changes: changes.map((c) => ({
        row: c.rowNo,
        city: c.city,
        indicator: c.indicator,
        series: { ...seriesDimensions(c.series) },
        year: c.year,
        oldValue: c.oldValue,
        newValue: c.newValue,
        also: c.also,
      })),
      changesTruncated: counts.toInsert + counts.toUpdate > changes.length,
    };
  }
}

const NOTHING = { toInsert: 0, toUpdate: 0, unchanged: 0 };

/**
 * Bulk import of observations from CSV: every row is validated (a pure
 * validator, the same for every format), every problem reported, and all
 * rows are written or none (one transaction, staging table + one merge
 * statement). The file is streamed: only a compact numeric copy of the
 * valid rows is kept, for duplicate and plausibility checks.
 */
export class ImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /**
   * Runs an import. A dry run always answers with the report (errors
   * included) and writes nothing; a real one throws ImportRejectedError (422)
   * when any row is wrong, and writes nothing then either.
   */
  async run(
    principal: Principal,
    open: () => Readable,
    options: ImportOptions,
  ): Promise<ImportReport> {
    const work = (repos: Repositories): Promise<ImportReport> =>
      this.within(repos, principal, open, options);
    if (!options.dryRun) return this.uow.transaction(work);
    try {
      return await this.uow.rehearse(work);
    } catch (err) {
      if (err instanceof ImportRejectedError) return err.report;
      throw err;
    }
  }

  /**
   * Runs an import inside the caller's transaction (seeds): it stands or
   * falls with it. Throws ImportRejectedError when any row is wrong.
   */
  async runWithin(
    repos: Repositories,
    principal: Principal,
    open: () => Readable,
    options: Omit<ImportOptions, 'dryRun'>,
    /** The catalogue as loaded once for many files (a repository import). */
    catalogue?: ImportCatalogue,
  ): Promise<ImportReport> {
    return this.within(repos, principal, open, { ...options, dryRun: false }, catalogue);
  }

  /** The access checks (importing; reading the network named), then the import. */
  private async within(
    repos: Repositories,
    principal: Principal,
    open: () => Readable,
    options: ImportOptions,
    catalogue?: ImportCatalogue,
  ): Promise<ImportReport> {
    await this.access.check(repos, principal, 'import', {});
    const network =
      options.network === undefined
        ? undefined
        : (await this.access.check(repos, principal, 'network.read', { network: options.network }))
            .network;
    return this.execute(
      repos,
      principal,
      open,
      { ...options, networkId: network?.id ?? null },
      catalogue,
    );
  }

  private async execute(
    repos: Repositories,
    principal: Principal,
    open: () => Readable,
    options: ImportOptions & { networkId: number | null },
    loaded?: ImportCatalogue,
  ): Promise<ImportReport> {
    const catalogue = loaded ?? (await ImportCatalogue.load(repos, principal));
    const tally = new ImportTally(options);
    const columns = new StagedColumns();
    const series = new SeriesNumbers();
    const reader = await this.stageFile(repos, open, {
      catalogue,
      tally,
      columns,
      series,
      principal,
      options,
    });

    refuseForbidden(tally);
    reportEmpty(tally, reader);
    const importColumns: ImportColumns = reader?.columns ?? {
      status: false,
      source: false,
      note: false,
      flags: false,
    };
    if (tally.errorCount === 0) {
      // Values of submitted or approved years cannot change: each such row is
      // an error. A commit first locks the periods it changes (see requireWritable).
      if (!options.dryRun) await repos.imports.lockChangedPeriods(importColumns);
      for (const row of await repos.imports.lockedRows(importColumns, MAX_LISTED)) {
        tally.problem(
          row.rowNo,
          'year',
          String(row.year),
          lockedMessage(row.cityName, row.year, row.state as ReviewState),
        );
      }
    }
    if (tally.errorCount > 0) {
      const report = tally.report(NOTHING, { importId: null, committed: false });
      if (options.dryRun) return report;
      throw new ImportRejectedError(report);
    }
    return this.writeStaged(repos, principal, {
      catalogue,
      tally,
      columns,
      series,
      importColumns,
      options,
    });
  }

  /**
   * Opens the staging table and stages the file into it; a header, CSV or
   * encoding error becomes the tally's problem (the staging is abandoned).
   * Returns the reader (null for an empty file or a refused header).
   */
  private async stageFile(
    repos: Repositories,
    open: () => Readable,
    run: Omit<StageRun, 'staging'>,
  ): Promise<FormatReader | null> {
    const { tally } = run;
    const staging = await repos.imports.openStaging();
    let reader: FormatReader | null = null;
    try {
      reader = await this.stage(open, { ...run, staging });
      await staging.finish();
    } catch (err) {
      await staging.abort();
      if (err instanceof HeaderError) tally.problem(1, null, null, err.message);
      else if (err instanceof CsvSyntaxError)
        tally.problem(err.record, null, null, `${err.message} Reading stopped here.`);
      else if (err instanceof EncodingError) tally.problem(err.record, null, null, err.message);
      else throw err;
    }
    return reader;
  }

  /**
   * A staged file without errors: the plausibility flags of what it changes,
   * then (unless a dry run) the import record and the merge. A file that
   * changes nothing writes nothing.
   */
  private async writeStaged(
    repos: Repositories,
    principal: Principal,
    run: {
      catalogue: ImportCatalogue;
      tally: ImportTally;
      columns: StagedColumns;
      series: SeriesNumbers;
      importColumns: ImportColumns;
      options: ImportOptions & { networkId: number | null };
    },
  ): Promise<ImportReport> {
    const { catalogue, tally, columns, series, importColumns, options } = run;
    const counts = await repos.imports.diffCounts(importColumns);
    // A file that changes nothing writes nothing, not even an import record
    // (and its values were checked for plausibility when they were stored).
    if (counts.toInsert + counts.toUpdate === 0)
      return tally.report(counts, { importId: null, committed: !options.dryRun });

    const found = await plausibilityPass(
      repos,
      columns,
      series,
      new Map([...catalogue.indicators.values()].map((i) => [i.id, i])),
      new Map([...catalogue.cities.values()].map((c) => [c.id, c.slug])),
      MAX_LISTED,
    );
    await repos.imports.stageFlags(found.flags);
    // Only the flags of values the import writes are stored, so only those are reported:
    // a template with every value and one change does not list the untouched ones.
    const untouched = await repos.imports.unchangedFlagged(importColumns);
    const skip = new Set(untouched.map((u) => `${u.rowNo}:${u.year}`));
    const listed = found.listed.filter((f) => !skip.has(`${f.row}:${f.year}`));
    const flaggedCount = found.flags.length - untouched.length;
    const changes = await repos.imports.changes(importColumns, MAX_LISTED);
    if (options.dryRun)
      return tally.report(
        counts,
        { importId: null, committed: false },
        listed,
        flaggedCount,
        changes,
      );

    const importId = await repos.imports.insertImport({
      actor: principal.actor,
      format: tally.format,
      fileName: options.fileName ?? null,
      rowsRead: tally.rowsRead,
      inserted: counts.toInsert,
      updated: counts.toUpdate,
      unchanged: counts.unchanged,
      skipped: tally.report(counts, { importId: null, committed: false }).skipped,
      flagged: flaggedCount,
    });
    await repos.imports.merge(importColumns, principal.actor, importId);
    return tally.report(counts, { importId, committed: true }, listed, flaggedCount, changes);
  }

  /**
   * Reads the file into the staging table: the header picks the format's
   * reader (a first pass when it must see the whole file), every value goes
   * through the validator; duplicates are found with a numeric key. Returns
   * the reader (null for an empty file).
   */
  private async stage(open: () => Readable, run: StageRun): Promise<FormatReader | null> {
    const { catalogue, tally, principal } = run;
    const chosen = await readHeader(open, run);
    if (chosen === null) return null;
    const context: RowContext<CatalogueCity, CatalogueIndicator> = {
      fixedIndicator: chosen.fixedIndicator,
      decimalComma: tally.delimiter !== ',',
      yearRanges: chosen.published,
      missingMarkers: chosen.published ? MISSING_MARKERS : new Set(),
      city: (cell) => catalogue.city(cell),
      indicator: (cell) => catalogue.indicator(cell),
      isMember: (indicator, city) => catalogue.isMember(indicator, city),
      mayEdit: (city) => principal.canEditCity(city.id),
    };
    /** (city, indicator, series, year) as one number → the row that had it first. */
    const seen = new NumberMap(4096);
    await readRecords(
      open(),
      async (fields, rowNo) => {
        if (rowNo === 1) return;
        tally.rowsRead++;
        for (const read of chosen.rows(fields)) {
          const flushing = stageRead(read, rowNo, context, seen, run);
          if (flushing !== undefined) await flushing;
        }
      },
      () => undefined,
    );
    for (const read of chosen.finish?.() ?? []) {
      if (isSkip(read)) tally.skip(read.skip);
    }
    return chosen;
  }
}

/** What staging one file works with. */
interface StageRun {
  catalogue: ImportCatalogue;
  tally: ImportTally;
  columns: StagedColumns;
  series: SeriesNumbers;
  staging: StagingWriter;
  principal: Principal;
  options: ImportOptions & { networkId: number | null };
}

/** Values for cities the importer may not edit refuse the whole file (403), listing them. */
function refuseForbidden(tally: ImportTally): void {
  if (tally.forbidden.size === 0) return;
  const cities = [...tally.forbidden].map(([city, entry]) => ({ city, ...entry }));
  throw new AppError(
    'forbidden',
    `This file has values for ${cities.map((c) => c.city).join(', ')}, which you are not an editor of; nothing was imported. Remove those rows or ask an editor of those cities.`,
    cities,
  );
}

/** An empty file, or one with a header only, is a problem (unless another was found first). */
function reportEmpty(tally: ImportTally, reader: FormatReader | null): void {
  if (reader === null && tally.errorCount === 0) {
    tally.problem(1, null, null, 'The file is empty: it needs a header line and at least one row.');
  } else if (tally.rowsRead === 0 && tally.errorCount === 0) {
    tally.problem(2, null, null, 'The file has a header but no rows.');
  }
}

/**
 * The first pass: the header picks the format's reader (reported in the
 * tally even when it refuses the header), and a reader that must see the
 * whole file first scans it. Null for an empty file.
 */
async function readHeader(
  open: () => Readable,
  run: Pick<StageRun, 'catalogue' | 'tally' | 'options'>,
): Promise<FormatReader | null> {
  const { catalogue, tally, options } = run;
  let reader: FormatReader | null = null;
  const headerOf = (fields: string[]): FormatReader => {
    // The format is reported even when its reader refuses the header.
    tally.format = options.format ?? detectFormat(fields);
    const chosen = readerFor(fields, options, catalogue);
    tally.format = chosen.format;
    return chosen;
  };
  await readRecords(
    open(),
    (fields, rowNo) => {
      if (rowNo === 1) reader = headerOf(fields);
      else if (reader?.scan !== undefined) reader.scan(fields);
    },
    (delimiter) => {
      tally.delimiter = delimiter;
    },
    // Only the header unless the reader needs a first pass over the whole file.
    () => reader !== null && reader.scan === undefined,
  );
  return reader;
}

/**
 * One value the reader found in record `rowNo`: skipped, reported as a
 * problem, or validated and staged. Returns the staging writer's flush when
 * it must be awaited.
 */
function stageRead(
  read: ReadOutcome,
  rowNo: number,
  context: RowContext<CatalogueCity, CatalogueIndicator>,
  seen: NumberMap,
  run: StageRun,
): Promise<void> | undefined {
  const { tally, columns, series, staging } = run;
  if (isSkip(read)) {
    tally.skip(read.skip);
    return undefined;
  }
  if (isRecordError(read)) {
    tally.problem(rowNo, read.column ?? null, read.value ?? null, read.error);
    return undefined;
  }
  const outcome = validateRow(read, context);
  if (outcome.kind === 'skipped') {
    tally.skip(outcome.reason);
    return undefined;
  }
  if (outcome.kind === 'invalid') {
    for (const p of outcome.problems) tally.problem(rowNo, p.column, p.value, p.message);
    if (outcome.forbiddenCity !== null) tally.forbid(outcome.forbiddenCity.slug, rowNo);
    return undefined;
  }
  const row = outcome.row;
  const seriesNumber = series.numberOf(row.series);
  const key = uniqueKey(row.city.dense, row.indicator.dense, seriesNumber, row.year);
  const first = seen.get(key);
  if (first !== undefined) {
    tally.problem(
      rowNo,
      null,
      null,
      `Row ${first} already has ${row.city.slug}, ${row.indicator.slug}${row.series === '' ? '' : ` ${row.series}`}, ${row.year}; each value may appear once.`,
    );
    return undefined;
  }
  seen.set(key, rowNo);
  tally.countSeries(row.indicator.slug, row.series);
  if (tally.errorCount > 0) return undefined; // the import will be refused: keep validating, stop staging
  columns.push(row.city.id, row.indicator.id, seriesNumber, row.year, row.value, rowNo);
  return staging.write({
    rowNo,
    cityId: row.city.id,
    indicatorId: row.indicator.id,
    series: row.series,
    year: row.year,
    value: row.value,
    status: row.status,
    source: row.source,
    note: row.note,
    flags: row.flags,
  });
}

/**
 * (city, indicator, series, year) as one exact double: dense city (< 2^18),
 * indicator (< 2^14) and series (< 2^12) numbers and the year offset (< 2^8).
 * A map of numbers is far cheaper than one of strings for a million rows.
 */
function uniqueKey(city: number, indicator: number, series: number, year: number): number {
  return ((city * MAX_INDICATORS + indicator) * MAX_SERIES + series) * 256 + (year - MIN_YEAR);
}
