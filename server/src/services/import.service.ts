import type { Readable } from 'node:stream';
import {
  CsvReader,
  CsvSyntaxError,
  detectDelimiter,
  fromTextCell,
  type Delimiter,
} from '../domain/csv';
import {
  checkValue,
  MIN_YEAR,
  MAX_NOTE_LENGTH,
  MAX_SOURCE_LENGTH,
  parseNumber,
  parseOptionalText,
  parseStatus,
  parseYear,
  type ObservationStatus,
} from '../domain/observation-rules';
import { NumberMap } from '../domain/number-map';
import { assessSeries, type YearValue } from '../domain/plausibility';
import { AppError, badRequest } from '../errors';
import type { ImportColumns, StagedRow, StagingWriter } from '../repositories/import.repository';
import type { IndicatorRecord } from '../repositories/indicator.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type { ReviewState } from '../repositories/review.repository';
import { lockedMessage } from './review.service';
import { seesCity, seesNetwork, type NetworkFacts } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { AccessService } from './access.service';
import { describeFlag } from './flag-messages';

export type ImportFormat = 'long' | 'opensdg';

export interface ImportOptions {
  dryRun: boolean;
  /** Forced format; detected from the header when absent. */
  format?: ImportFormat;
  /** For the Open SDG format: the indicator every row belongs to. */
  indicator?: string;
  fileName?: string;
  /** Largest accepted upload in bytes. */
  maxBytes: number;
}

export interface ImportProblem {
  /** Row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportFlag {
  row: number;
  city: string;
  indicator: string;
  year: number;
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
}

/** At most this many errors and flags are listed (all are counted). */
export const MAX_LISTED = 1000;
/** A cell quoted in an error report is cut to this many characters. */
export const MAX_QUOTED = 200;

const LONG_REQUIRED = ['city', 'indicator', 'year', 'value'] as const;
const LONG_OPTIONAL = ['status', 'source', 'note'] as const;
// Open SDG columns that describe the series rather than disaggregate it.
const OPEN_SDG_DESCRIPTIVE = new Set([
  'units',
  'unit multiplier',
  'unit_multiplier',
  'series',
  'observation status',
  'comment',
]);

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

/** Grows typed arrays as rows arrive: a compact copy of what plausibility needs. */
class Columns {
  city = new Int32Array(1024);
  indicator = new Int32Array(1024);
  year = new Int16Array(1024);
  value = new Float64Array(1024);
  row = new Int32Array(1024);
  length = 0;

  push(city: number, indicator: number, year: number, value: number, row: number): void {
    if (this.length === this.city.length) this.grow();
    const i = this.length++;
    this.city[i] = city;
    this.indicator[i] = indicator;
    this.year[i] = year;
    this.value[i] = value;
    this.row[i] = row;
  }

  private grow(): void {
    const size = this.city.length * 2;
    const copy = <T extends Int32Array | Int16Array | Float64Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.city = copy(this.city, (n) => new Int32Array(n));
    this.indicator = copy(this.indicator, (n) => new Int32Array(n));
    this.year = copy(this.year, (n) => new Int16Array(n));
    this.value = copy(this.value, (n) => new Float64Array(n));
    this.row = copy(this.row, (n) => new Int32Array(n));
  }
}

interface Catalogue {
  /**
   * The cities the importer may see, by slug; `dense` numbers them 0, 1,
   * 2… for compact keys. Cities hidden from the importer are not in it, so
   * a row naming one reads "there is no city", exactly like a missing one.
   */
  cities: Map<string, { id: number; slug: string; dense: number }>;
  /** The indicators the importer may see, by slug. */
  indicators: Map<string, IndicatorRecord>;
  /** Indicator id → dense number. */
  denseIndicator: Map<number, number>;
  /** networkId × MEMBER_KEY + cityId for each membership. */
  members: Set<number>;
}

const MEMBER_KEY = 2 ** 26;
/** Dense indicator numbers must stay below this for the numeric duplicate key. */
const MAX_INDICATORS = 2 ** 20;

/** How each data row of the file maps to an observation. */
interface Layout {
  format: ImportFormat;
  columnNames: string[];
  city: number;
  indicator: number;
  year: number;
  value: number;
  status: number;
  source: number;
  note: number;
  /** Open SDG disaggregation columns: a row with any of them filled is skipped. */
  disaggregations: number[];
  fixedIndicator: IndicatorRecord | null;
}

class ImportRun {
  readonly errors: ImportProblem[] = [];
  errorCount = 0;
  rowsRead = 0;
  readonly skipped = new Map<string, number>();
  readonly columns = new Columns();
  /** (city, indicator, year) as a number → first row, to find duplicates. */
  private readonly seen = new NumberMap(4096);
  private readonly cityCache = new Map<string, { id: number; slug: string; dense: number }>();
  private readonly indicatorCache = new Map<string, IndicatorRecord>();
  layout: Layout | null = null;
  delimiter: Delimiter = ',';
  /** Rows of cities the user may not change, by city slug (the whole import is then refused). */
  readonly forbidden = new Map<string, { count: number; rows: number[] }>();

  constructor(
    readonly catalogue: Catalogue,
    readonly options: ImportOptions,
    readonly principal: Principal,
  ) {}

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

  /** Reads the header: picks the format and where each column is. */
  readHeader(fields: string[]): void {
    const names = fields.map((f) => f.trim());
    const lower = names.map((n) => n.toLowerCase());
    const index = (name: string): number => lower.indexOf(name);
    const looksOpenSdg = index('year') >= 0 && index('value') >= 0 && index('city') < 0;
    const format = this.options.format ?? (looksOpenSdg ? 'opensdg' : 'long');
    // One pass with a set: a header of many columns costs linear time.
    const seenNames = new Set<string>();
    for (const name of lower) {
      if (name === '') continue;
      if (seenNames.has(name))
        throw this.headerError(
          `The column "${name.slice(0, MAX_QUOTED)}" appears twice in the header.`,
        );
      seenNames.add(name);
    }

    if (format === 'long') {
      const missing = LONG_REQUIRED.filter((c) => index(c) < 0);
      const known: ReadonlySet<string> = new Set([...LONG_REQUIRED, ...LONG_OPTIONAL]);
      const unknown = names.filter((_, i) => !known.has(lower[i]!));
      if (missing.length > 0 || unknown.length > 0) {
        const parts = [];
        if (missing.length > 0) parts.push(`missing ${missing.map((m) => `"${m}"`).join(', ')}`);
        if (unknown.length > 0)
          parts.push(
            `unknown ${unknown
              .slice(0, 5)
              .map((u) => `"${u.slice(0, 80)}"`)
              .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
          );
        throw this.headerError(
          `The header does not fit the long format (${parts.join('; ')}). Expected: city,indicator,year,value and optionally status,source,note.`,
        );
      }
      this.layout = {
        format,
        columnNames: names,
        city: index('city'),
        indicator: index('indicator'),
        year: index('year'),
        value: index('value'),
        status: index('status'),
        source: index('source'),
        note: index('note'),
        disaggregations: [],
        fixedIndicator: null,
      };
      return;
    }

    const slug = this.options.indicator?.trim().toLowerCase();
    if (slug === undefined || slug === '') {
      throw badRequest(
        'An Open SDG file holds one indicator: say which with ?indicator=<indicator slug>.',
      );
    }
    const indicator = this.catalogue.indicators.get(slug);
    if (indicator === undefined) throw badRequest(`There is no indicator "${slug}".`);
    if (indicator.archivedAt !== null)
      throw badRequest(`The indicator "${slug}" is archived; values cannot be added.`);
    const missing = ['year', 'geocode', 'value'].filter((c) => index(c) < 0);
    if (missing.length > 0) {
      throw this.headerError(
        `The header does not fit the Open SDG format (missing ${missing.map((m) => `"${m}"`).join(', ')}). Expected: Year,GeoCode,Value.`,
      );
    }
    const known = new Set(['year', 'geocode', 'value']);
    this.layout = {
      format,
      columnNames: names,
      city: index('geocode'),
      indicator: -1,
      year: index('year'),
      value: index('value'),
      status: -1,
      source: -1,
      note: -1,
      disaggregations: lower.flatMap((n, i) =>
        known.has(n) || OPEN_SDG_DESCRIPTIVE.has(n) ? [] : [i],
      ),
      fixedIndicator: indicator,
    };
  }

  private headerError(message: string): ImportRejectedError {
    this.problem(1, null, null, message);
    return new ImportRejectedError(
      this.report({ toInsert: 0, toUpdate: 0, unchanged: 0 }, [], null, false),
    );
  }

  /** Looks a city up by the cell as written, then normalised (cells repeat: the cache saves the work). */
  private city(cell: string): { id: number; slug: string; dense: number } | undefined {
    let city = this.cityCache.get(cell);
    if (city === undefined) {
      city = this.catalogue.cities.get(cell.trim().toLowerCase());
      if (city !== undefined) this.cityCache.set(cell, city);
    }
    return city;
  }

  private indicator(cell: string): IndicatorRecord | undefined {
    let indicator = this.indicatorCache.get(cell);
    if (indicator === undefined) {
      indicator = this.catalogue.indicators.get(cell.trim().toLowerCase());
      if (indicator !== undefined) this.indicatorCache.set(cell, indicator);
    }
    return indicator;
  }

  /**
   * Validates one data row. Returns the row to stage, or null when it is
   * invalid (the problems are recorded) or skipped. Synchronous on purpose:
   * it runs a million times per large file.
   */
  readRow(fields: string[], row: number): StagedRow | null {
    const layout = this.layout!;
    const names = layout.columnNames;
    this.rowsRead++;
    if (fields.length !== names.length) {
      this.problem(
        row,
        null,
        null,
        `This row has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} but the header has ${names.length}.`,
      );
      return null;
    }

    if (layout.format === 'opensdg') {
      for (const i of layout.disaggregations) {
        if (fields[i]!.trim() !== '') {
          this.skip(`disaggregated rows (by ${names[i]}) are not stored`);
          return null;
        }
      }
      if (fields[layout.city]!.trim() === '') {
        this.skip('rows without GeoCode (totals for the whole area) are not stored');
        return null;
      }
    }

    // An empty value cell is no value (a template's unfilled cells): left out, and counted.
    if (fields[layout.value]!.trim() === '') {
      this.skip('rows without a value (empty cells) are left out');
      return null;
    }

    let ok = true;
    const cityCell = fields[layout.city]!;
    const city = this.city(cityCell);
    if (city === undefined) {
      const trimmed = cityCell.trim();
      this.problem(
        row,
        names[layout.city]!,
        cityCell,
        trimmed === '' ? 'The city is missing.' : `There is no city "${trimmed}".`,
      );
      ok = false;
    } else if (!this.principal.canEditCity(city.id)) {
      const entry = this.forbidden.get(city.slug) ?? { count: 0, rows: [] };
      entry.count++;
      if (entry.rows.length < 20) entry.rows.push(row);
      this.forbidden.set(city.slug, entry);
      ok = false;
    }

    let indicator = layout.fixedIndicator ?? undefined;
    if (layout.indicator >= 0) {
      const cell = fields[layout.indicator]!;
      indicator = this.indicator(cell);
      const trimmed = cell.trim();
      if (indicator === undefined) {
        this.problem(
          row,
          names[layout.indicator]!,
          cell,
          trimmed === '' ? 'The indicator is missing.' : `There is no indicator "${trimmed}".`,
        );
        ok = false;
      } else if (indicator.archivedAt !== null) {
        this.problem(
          row,
          names[layout.indicator]!,
          cell,
          `The indicator "${indicator.slug}" is archived; values cannot be added.`,
        );
        ok = false;
        indicator = undefined;
      }
    }
    if (
      city !== undefined &&
      indicator !== undefined &&
      !this.catalogue.members.has(indicator.networkId * MEMBER_KEY + city.id)
    ) {
      this.problem(
        row,
        names[layout.city]!,
        cityCell,
        `"${city.slug}" is not a member of the network that owns "${indicator.slug}" (${indicator.networkSlug}).`,
      );
      ok = false;
    }

    const yearCell = fields[layout.year]!;
    const year = parseYear(yearCell);
    if (!year.ok) {
      this.problem(row, names[layout.year]!, yearCell, year.message);
      ok = false;
    }
    const valueCell = fields[layout.value]!;
    const number = parseNumber(valueCell, this.delimiter !== ',');
    let value = 0;
    if (!number.ok) {
      this.problem(row, names[layout.value]!, valueCell, number.message);
      ok = false;
    } else if (indicator !== undefined) {
      value = number.value;
      const rangeProblem =
        (indicator.allowedMin !== null && value < indicator.allowedMin) ||
        (indicator.allowedMax !== null && value > indicator.allowedMax) ||
        Object.is(value, -0)
          ? checkValue(value, indicator)
          : null;
      if (rangeProblem !== null) {
        this.problem(row, names[layout.value]!, valueCell, rangeProblem);
        ok = false;
      }
    }

    let status: ObservationStatus | null = null;
    if (layout.status >= 0) {
      const parsed = parseStatus(fields[layout.status]!);
      if (parsed.ok) status = parsed.value;
      else {
        this.problem(row, names[layout.status]!, fields[layout.status]!, parsed.message);
        ok = false;
      }
    }
    let source: string | null = null;
    if (layout.source >= 0) {
      const parsed = parseOptionalText(
        fromTextCell(fields[layout.source]!),
        MAX_SOURCE_LENGTH,
        'source',
      );
      if (parsed.ok) source = parsed.value;
      else {
        this.problem(
          row,
          names[layout.source]!,
          fields[layout.source]!.slice(0, 80),
          parsed.message,
        );
        ok = false;
      }
    }
    let note: string | null = null;
    if (layout.note >= 0) {
      const parsed = parseOptionalText(fromTextCell(fields[layout.note]!), MAX_NOTE_LENGTH, 'note');
      if (parsed.ok) note = parsed.value;
      else {
        this.problem(row, names[layout.note]!, fields[layout.note]!.slice(0, 80), parsed.message);
        ok = false;
      }
    }

    if (!ok || city === undefined || indicator === undefined || !year.ok) return null;
    // Numeric key: dense city and indicator numbers and the year (a Map of numbers is far cheaper than of strings).
    const key =
      (city.dense * MAX_INDICATORS + this.catalogue.denseIndicator.get(indicator.id)!) * 256 +
      (year.value - MIN_YEAR);
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.problem(
        row,
        null,
        null,
        `Row ${first} already has ${city.slug}, ${indicator.slug}, ${year.value}; each value may appear once.`,
      );
      return null;
    }
    this.seen.set(key, row);
    if (this.errorCount > 0) return null; // the import will be refused: keep validating, stop staging
    this.columns.push(city.id, indicator.id, year.value, value, row);
    return {
      rowNo: row,
      cityId: city.id,
      indicatorId: indicator.id,
      year: year.value,
      value,
      status,
      source,
      note,
    };
  }

  importColumns(): ImportColumns {
    const layout = this.layout!;
    return { status: layout.status >= 0, source: layout.source >= 0, note: layout.note >= 0 };
  }

  report(
    counts: { toInsert: number; toUpdate: number; unchanged: number },
    flagged: ImportFlag[],
    importId: number | null,
    committed: boolean,
    flaggedCount = flagged.length,
  ): ImportReport {
    const skippedReasons = [...this.skipped.entries()].map(([reason, count]) => ({
      reason,
      count,
    }));
    return {
      dryRun: this.options.dryRun,
      committed,
      importId,
      format: this.layout?.format ?? this.options.format ?? 'long',
      delimiter: this.delimiter,
      rowsRead: this.rowsRead,
      ...counts,
      skipped: skippedReasons.reduce((n, s) => n + s.count, 0),
      skippedReasons,
      errorCount: this.errorCount,
      errors: this.errors,
      errorsTruncated: this.errorCount > this.errors.length,
      flaggedCount,
      flagged,
    };
  }
}

/**
 * Bulk import of observations from CSV: validates every row, reports every
 * problem, and writes all rows or none (one transaction, staging table + one
 * merge statement). The file is streamed: only a compact numeric copy of the
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
  async run(principal: Principal, body: Readable, options: ImportOptions): Promise<ImportReport> {
    await this.access.check(this.uow.repos, principal, 'import', {});
    const work = (repos: Repositories): Promise<ImportReport> =>
      this.execute(repos, principal, body, options);
    if (!options.dryRun) return this.uow.transaction(work);
    try {
      return await this.uow.rehearse(work);
    } catch (err) {
      if (err instanceof ImportRejectedError) return err.report;
      throw err;
    }
  }

  /** The cities and indicators the importer may see (the policy decides, as everywhere). */
  private async loadCatalogue(repos: Repositories, principal: Principal): Promise<Catalogue> {
    const networks = new Map<number, NetworkFacts>(
      (await repos.networks.list()).map((n) => [
        n.id,
        { id: n.id, slug: n.slug, name: n.name, isPublic: n.is_public },
      ]),
    );
    const members = await repos.networks.allMemberships();
    const networksOf = new Map<number, NetworkFacts[]>();
    for (const m of members) {
      const list = networksOf.get(m.cityId) ?? [];
      list.push(networks.get(m.networkId)!);
      networksOf.set(m.cityId, list);
    }
    const cities = (await repos.cities.list()).filter((c) =>
      seesCity(principal, { ...c, networks: networksOf.get(c.id) ?? [] }),
    );
    const indicators = (await repos.indicators.listAll()).filter((i) =>
      seesNetwork(principal, networks.get(i.networkId)!),
    );
    return {
      cities: new Map(cities.map((c, dense) => [c.slug, { id: c.id, slug: c.slug, dense }])),
      indicators: new Map(indicators.map((i) => [i.slug, i])),
      denseIndicator: new Map(indicators.map((i, dense) => [i.id, dense])),
      members: new Set(members.map((m) => m.networkId * MEMBER_KEY + m.cityId)),
    };
  }

  private async execute(
    repos: Repositories,
    principal: Principal,
    body: Readable,
    options: ImportOptions,
  ): Promise<ImportReport> {
    const actor = principal.actor;
    const run = new ImportRun(await this.loadCatalogue(repos, principal), options, principal);
    const staging = await repos.imports.openStaging();
    try {
      await this.parse(body, run, staging, options.maxBytes);
    } catch (err) {
      await staging.abort();
      throw err;
    }
    await staging.finish();

    if (run.forbidden.size > 0) {
      const cities = [...run.forbidden].map(([city, entry]) => ({ city, ...entry }));
      throw new AppError(
        'forbidden',
        `This file has values for ${cities.map((c) => c.city).join(', ')}, which you are not an editor of; nothing was imported. Remove those rows or ask an editor of those cities.`,
        cities,
      );
    }

    if (run.layout === null) {
      run.problem(1, null, null, 'The file is empty: it needs a header line and at least one row.');
    } else if (run.rowsRead === 0 && run.errorCount === 0) {
      run.problem(2, null, null, 'The file has a header but no rows.');
    }
    if (run.errorCount === 0) {
      // Values of submitted or approved years cannot change: each such row is
      // an error. A commit first locks the periods it changes (see requireWritable).
      if (!options.dryRun) await repos.imports.lockChangedPeriods(run.importColumns());
      for (const row of await repos.imports.lockedRows(run.importColumns(), MAX_LISTED)) {
        run.problem(
          row.rowNo,
          'year',
          String(row.year),
          lockedMessage(row.cityName, row.year, row.state as ReviewState),
        );
      }
    }
    if (run.errorCount > 0) {
      const report = run.report({ toInsert: 0, toUpdate: 0, unchanged: 0 }, [], null, false);
      if (options.dryRun) return report;
      throw new ImportRejectedError(report);
    }

    const counts = await repos.imports.diffCounts(run.importColumns());
    // A file that changes nothing writes nothing, not even an import record
    // (and its values were checked for plausibility when they were stored).
    if (counts.toInsert + counts.toUpdate === 0)
      return run.report(counts, [], null, !options.dryRun);

    const { flags, listed } = await this.plausibility(repos, run);
    await repos.imports.stageFlags(flags);
    if (options.dryRun) return run.report(counts, listed, null, false, flags.length);

    const importId = await repos.imports.insertImport({
      actor,
      format: run.layout!.format,
      fileName: options.fileName ?? null,
      rowsRead: run.rowsRead,
      inserted: counts.toInsert,
      updated: counts.toUpdate,
      unchanged: counts.unchanged,
      skipped: run.report(counts, [], null, false).skipped,
      flagged: flags.length,
    });
    await repos.imports.merge(run.importColumns(), actor, importId);
    return run.report(counts, listed, importId, true, flags.length);
  }

  private async parse(
    body: Readable,
    run: ImportRun,
    staging: StagingWriter,
    maxBytes: number,
  ): Promise<void> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let reader: CsvReader | null = null;
    let pending = '';
    let bytes = 0;
    let recordNo = 0;
    const handle = async (records: string[][]): Promise<void> => {
      for (const fields of records) {
        recordNo++;
        if (recordNo === 1) {
          run.readHeader(fields);
          continue;
        }
        const staged = run.readRow(fields, recordNo);
        if (staged === null) continue;
        const flushing = staging.write(staged);
        if (flushing !== undefined) await flushing;
      }
    };
    try {
      for await (const chunk of body) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        bytes += buffer.length;
        if (bytes > maxBytes) {
          throw new AppError(
            'payload_too_large',
            `The file is larger than the ${Math.round(maxBytes / 1_048_576)} MB an import may be.`,
          );
        }
        let text = decoder.decode(buffer, { stream: true });
        if (reader === null) {
          pending += text;
          const newline = pending.search(/\r|\n/);
          if (newline < 0 && pending.length < 65_536) continue;
          text = pending.replace(/^\uFEFF/, '');
          run.delimiter = detectDelimiter(newline < 0 ? text : text.slice(0, newline));
          reader = new CsvReader(run.delimiter);
        }
        await handle(reader.push(text));
      }
      const tail = decoder.decode();
      if (reader === null) {
        const text = (pending + tail).replace(/^\uFEFF/, '');
        if (text.trim() === '') return;
        run.delimiter = detectDelimiter(text.split(/\r|\n/)[0] ?? '');
        reader = new CsvReader(run.delimiter);
        await handle(reader.push(text));
      } else if (tail !== '') {
        await handle(reader.push(tail));
      }
      await handle(reader.finish());
    } catch (err) {
      if (err instanceof CsvSyntaxError) {
        run.problem(err.record, null, null, `${err.message} Reading stopped here.`);
        return;
      }
      if (err instanceof TypeError && /encoded|decode/i.test(err.message)) {
        run.problem(
          recordNo + 1,
          null,
          null,
          'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.',
        );
        return;
      }
      throw err;
    }
  }

  /**
   * Flags for staged values whose change from the previous year is
   * implausible. Rows are grouped by series with a counting sort over typed
   * arrays, so a million rows need no per-row objects.
   */
  private async plausibility(
    repos: Repositories,
    run: ImportRun,
  ): Promise<{
    flags: Array<{ cityId: number; indicatorId: number; year: number; flag: unknown }>;
    listed: ImportFlag[];
  }> {
    const { columns } = run;
    const n = columns.length;
    const seriesIndex = new NumberMap(Math.max(16, n >> 2));
    const seriesCity: number[] = [];
    const seriesIndicator: number[] = [];
    const seriesOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = columns.city[i]! * MEMBER_KEY + columns.indicator[i]!;
      let s = seriesIndex.get(key);
      if (s === undefined) {
        s = seriesCity.length;
        seriesIndex.set(key, s);
        seriesCity.push(columns.city[i]!);
        seriesIndicator.push(columns.indicator[i]!);
      }
      seriesOf[i] = s;
    }
    const count = seriesCity.length;
    const start = new Int32Array(count + 1);
    for (let i = 0; i < n; i++) start[seriesOf[i]! + 1]!++;
    for (let s = 0; s < count; s++) start[s + 1]! += start[s]!;
    const order = new Int32Array(n);
    const fill = start.slice(0, count);
    for (let i = 0; i < n; i++) order[fill[seriesOf[i]!]!++] = i;

    const existing = new Map<number, YearValue[]>();
    for (const point of await repos.imports.existingSeries()) {
      const s = seriesIndex.get(point.cityId * MEMBER_KEY + point.indicatorId);
      if (s === undefined) continue;
      const list = existing.get(s) ?? [];
      list.push({ year: point.year, value: point.value });
      existing.set(s, list);
    }

    const indicatorsById = new Map([...run.catalogue.indicators.values()].map((i) => [i.id, i]));
    const citiesById = new Map([...run.catalogue.cities.values()].map((c) => [c.id, c.slug]));
    const flags: Array<{ cityId: number; indicatorId: number; year: number; flag: unknown }> = [];
    const listed: ImportFlag[] = [];
    for (let s = 0; s < count; s++) {
      const indicator = indicatorsById.get(seriesIndicator[s]!);
      const stored = existing.get(s) ?? [];
      const total = start[s + 1]! - start[s]! + stored.length;
      // A jump needs a previous year; the z-test needs three more changes (a maximum change needs none).
      if (indicator === undefined || total < 2 || (total < 5 && indicator.maxChange === null))
        continue;
      const points: YearValue[] = [...stored];
      const rowOfYear = new Map<number, number>();
      for (let k = start[s]!; k < start[s + 1]!; k++) {
        const i = order[k]!;
        points.push({ year: columns.year[i]!, value: columns.value[i]! });
        rowOfYear.set(columns.year[i]!, columns.row[i]!);
      }
      for (const flag of assessSeries(points, [...rowOfYear.keys()], indicator.maxChange)) {
        const message = describeFlag(flag, indicator);
        flags.push({
          cityId: seriesCity[s]!,
          indicatorId: indicator.id,
          year: flag.year,
          flag: { ...flag, message },
        });
        if (listed.length < MAX_LISTED) {
          listed.push({
            row: rowOfYear.get(flag.year) ?? 0,
            city: citiesById.get(seriesCity[s]!) ?? '',
            indicator: indicator.slug,
            year: flag.year,
            message,
          });
        }
      }
    }
    listed.sort((a, b) => a.row - b.row);
    return { flags, listed };
  }
}
