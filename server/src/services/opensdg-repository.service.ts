import type { AmbitionRecord } from '../repositories/ambition.repository';
import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { stringify as toYaml } from 'yaml';
import { type Principal, type ReadScope, readParts } from '../auth/principal';
import { csvLine } from '../domain/csv';
import {
  readOpenSdgMeta,
  sdgCodesOf,
  writeOpenSdgMeta,
  type OpenSdgDefinition,
} from '../domain/opensdg-meta';
import { flagWords, HEADLINE, seriesDimensions } from '../domain/series';
import { AppError } from '../errors';
import type {
  IndicatorFields,
  IndicatorRecord,
  SdgLink,
} from '../repositories/indicator.repository';
import { exportRowKey, type ObservationKey } from '../repositories/observation.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type { AccessService } from './access.service';
import { ImportCatalogue } from './import/catalogue';
import { openSdgId, readRepositoryZip, type RepositoryFiles } from './import/opensdg-zip';
import {
  ImportRejectedError,
  MAX_QUOTED,
  type ImportProblem,
  type ImportReport,
  type ImportService,
} from './import.service';
import { insertIndicator, toIndicator } from './indicator.service';

/**
 * Open SDG data repositories in and out, for one city of one network.
 *
 * In: a zip of the repository; each `data/indicator_<id>.csv` is imported as
 * published (the Open SDG reader of the import), into the network's
 * indicator whose `codes.opensdg` is the id, created or updated from the
 * metadata for coordinators; `graph_target_lines` become the city's ambition.
 * Every file is reported; all or nothing by default, or the valid files
 * with `onError: 'skipFile'` (each file in a savepoint).
 *
 * Out: the city's values as a repository Open SDG can publish:
 * `data/indicator_<id>.csv` with series and breakdown columns and
 * `meta/<id>.md`; importing it again changes nothing.
 */

export interface RepositoryImportOptions {
  network: string;
  city: string;
  dryRun: boolean;
  onError: 'rollback' | 'skipFile';
  /** A data file may be as large as a CSV import; the repository's files together eight times that. */
  maxBytes: number;
}

export interface RepositoryFileReport {
  file: string;
  openSdgId: string;
  indicator: string | null;
  indicatorCreated: boolean;
  indicatorUpdated: boolean;
  outcome: 'imported' | 'unchanged' | 'failed' | 'skipped';
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skippedReasons: Array<{ reason: string; count: number }>;
  errorCount: number;
  errors: ImportProblem[];
  warnings: string[];
  ambition: {
    baselineYear: number;
    baselineValue: number;
    targetYear: number;
    targetValue: number;
  } | null;
}

export interface RepositoryReport {
  dryRun: boolean;
  committed: boolean;
  network: string;
  city: string;
  onError: 'rollback' | 'skipFile';
  filesRead: number;
  filesImported: number;
  filesFailed: number;
  indicatorsCreated: number;
  indicatorsUpdated: number;
  ambitionsSet: number;
  ignoredEntries: number;
  files: RepositoryFileReport[];
}

/** The repository was refused (a file failed, all or nothing): nothing was written. */
export class RepositoryRejectedError extends AppError {
  constructor(readonly report: RepositoryReport) {
    super(
      'import_rejected',
      `${report.filesFailed} of ${report.filesRead} files cannot be imported; nothing was imported. Fix them, or import the others with onError=skipFile.`,
      report,
    );
  }
}

/** Errors listed per file (all counted). */
const ERRORS_PER_FILE = 50;

export class OpenSdgRepositoryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly imports: ImportService,
  ) {}

  async importRepository(
    principal: Principal,
    zip: Uint8Array,
    options: RepositoryImportOptions,
  ): Promise<RepositoryReport> {
    const work = async (repos: Repositories): Promise<RepositoryReport> => {
      const report = await this.importWithin(repos, principal, zip, options);
      if (report.filesFailed > 0 && options.onError === 'rollback')
        throw new RepositoryRejectedError(report);
      return report;
    };
    if (!options.dryRun) return this.uow.transaction(work);
    try {
      return await this.uow.rehearse(work);
    } catch (err) {
      if (err instanceof RepositoryRejectedError) return err.report;
      throw err;
    }
  }

  private async importWithin(
    repos: Repositories,
    principal: Principal,
    zip: Uint8Array,
    options: RepositoryImportOptions,
  ): Promise<RepositoryReport> {
    await this.access.check(repos, principal, 'import', {});
    const { network, city } = await this.access.check(repos, principal, 'data.write', {
      network: options.network,
      city: options.city,
    });
    if (!(await repos.cities.networkIds(city!.id)).includes(network!.id))
      throw new AppError(
        'bad_request',
        `${city!.name} is not a member of ${network!.name}: its values cannot be imported there.`,
      );
    const files = readRepositoryZip(zip, {
      maxEntryBytes: options.maxBytes,
      maxTotalBytes: options.maxBytes * 8,
      maxFiles: 2000,
    });
    if (files.data.size === 0)
      throw new AppError(
        'bad_request',
        'The zip has no Open SDG data files (data/indicator_<id>.csv).',
      );
    const manage = principal.canManageNetwork(network!.id) && !principal.readOnly;
    const byOpenSdg = new Map(
      (await repos.indicators.listForNetwork(network!.id, { includeArchived: true }))
        .filter((i) => i.codes.opensdg !== undefined)
        .map((i) => [i.codes.opensdg!, i]),
    );

    const ids = [...files.data.keys()].sort(naturalOrder);
    const defined = await this.defineIndicators(repos, principal, network!, files, {
      ids,
      byOpenSdg,
      manage,
    });
    const ambitions = await this.importDataFiles(repos, principal, city!, files, {
      ids,
      byOpenSdg,
      ...defined,
    });
    return repositoryReport(options, {
      network: network!.slug,
      city: city!.slug,
      list: ids.map((id) => defined.reports.get(id)!),
      created: defined.created,
      updated: defined.updated,
      ambitions,
      ignored: files.ignored,
    });
  }

  /**
   * First pass over the data files: each one's indicator found, created or
   * updated from its metadata (each in a savepoint); a file whose indicator
   * fails is marked failed in its report.
   */
  private async defineIndicators(
    repos: Repositories,
    principal: Principal,
    network: { id: number; slug: string },
    files: RepositoryFiles,
    context: { ids: string[]; byOpenSdg: Map<string, IndicatorRecord>; manage: boolean },
  ): Promise<{
    reports: Map<string, RepositoryFileReport>;
    definitions: Map<string, OpenSdgDefinition>;
    created: number;
    updated: number;
  }> {
    const { ids, byOpenSdg, manage } = context;
    const reports = new Map<string, RepositoryFileReport>();
    const definitions = new Map<string, OpenSdgDefinition>();
    let created = 0;
    let updated = 0;
    for (const id of ids) {
      const report = emptyFileReport(files.data.get(id)!.path, id);
      reports.set(id, report);
      const metaProblem = files.metaProblems.find((p) => p.path.includes(`${id}.`));
      if (metaProblem !== undefined)
        report.warnings.push(`${metaProblem.path}: ${metaProblem.message}`);
      const def = readOpenSdgMeta(id, files.meta.get(id) ?? {});
      definitions.set(id, def);
      try {
        const outcome = await repos.savepoint((sp) =>
          this.defineIndicator(sp, principal, network.id, network.slug, id, def, {
            existing: byOpenSdg.get(id),
            manage,
            hasMeta: files.meta.has(id),
            warnings: report.warnings,
          }),
        );
        report.indicator = outcome.record.slug;
        report.indicatorCreated = outcome.created;
        report.indicatorUpdated = outcome.updated;
        byOpenSdg.set(id, outcome.record);
        if (outcome.created) created++;
        if (outcome.updated) updated++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        fail(report, err.message);
      }
    }
    return { reports, definitions, created, updated };
  }

  /**
   * Second pass: each data file whose indicator is defined is imported with
   * its ambition (each in a savepoint), into its report. Returns how many
   * ambitions were set.
   */
  private async importDataFiles(
    repos: Repositories,
    principal: Principal,
    city: { id: number; slug: string },
    files: RepositoryFiles,
    context: {
      ids: string[];
      byOpenSdg: Map<string, IndicatorRecord>;
      reports: Map<string, RepositoryFileReport>;
      definitions: Map<string, OpenSdgDefinition>;
    },
  ): Promise<number> {
    const { ids, byOpenSdg, reports, definitions } = context;
    const catalogue = await ImportCatalogue.load(repos, principal);
    let ambitions = 0;
    for (const id of ids) {
      const report = reports.get(id)!;
      if (report.outcome === 'failed') continue;
      const file = files.data.get(id)!;
      try {
        const result = await repos.savepoint(async (sp) => {
          const imported = await this.imports.runWithin(
            sp,
            principal,
            () => Readable.from([Buffer.from(file.bytes)]),
            {
              format: 'opensdg',
              indicator: report.indicator!,
              city: city.slug,
              fileName: file.path.slice(-255),
            },
            catalogue,
          );
          const ambition = await this.setAmbition(
            sp,
            principal,
            city.id,
            byOpenSdg.get(id)!,
            definitions.get(id)!,
          );
          return { imported, ambition };
        });
        takeImport(report, result.imported);
        if (result.ambition.set !== null) {
          report.ambition = result.ambition.set;
          ambitions++;
        }
        if (result.ambition.note !== null) report.warnings.push(result.ambition.note);
      } catch (err) {
        if (err instanceof ImportRejectedError) {
          takeImport(report, err.report);
          report.outcome = 'failed';
        } else if (err instanceof AppError) fail(report, err.message);
        else throw err;
      }
    }
    return ambitions;
  }

  /** The network's indicator for an Open SDG id: found by `codes.opensdg`, created or updated from the metadata. */
  private async defineIndicator(
    repos: Repositories,
    principal: Principal,
    networkId: number,
    networkSlug: string,
    id: string,
    def: OpenSdgDefinition,
    context: {
      existing: IndicatorRecord | undefined;
      manage: boolean;
      hasMeta: boolean;
      warnings: string[];
    },
  ): Promise<{ record: IndicatorRecord; created: boolean; updated: boolean }> {
    const { existing, manage, hasMeta, warnings } = context;
    if (existing !== undefined && (!manage || !hasMeta))
      return { record: existing, created: false, updated: false };
    if (existing === undefined && !manage)
      throw new AppError(
        'forbidden',
        `The network has no indicator for Open SDG indicator ${id}; only its coordinators can add one.`,
      );
    const described = await describe(repos, id, def);
    if (existing === undefined) {
      if (def.direction === null)
        warnings.push(
          'The metadata does not say whether higher or lower is better: taken as lower, as Open SDG does. Check it.',
        );
      const record = await insertIndicator(repos, principal, networkId, {
        slug: await freeSlug(repos, networkSlug, id),
        name: described.name,
        unit: def.unit ?? '',
        direction: def.direction ?? 'decrease',
        source: def.source,
        naturalLimit: def.naturalLimit,
        codes: { opensdg: id },
        sdgLinks: described.links.map((l) => ({
          target: l.target,
          ...(l.indicator === null ? {} : { indicator: l.indicator }),
        })),
      });
      return { record, created: true, updated: false };
    }
    const patch = metadataPatch(def, described.name, existing);
    if (patch === null) return { record: existing, created: false, updated: false };
    const record = await this.updateIndicator(repos, principal, networkId, existing, patch, id);
    return { record, created: false, updated: true };
  }

  /** Writes the metadata's changes to an indicator (409 when it changed meanwhile), audited. */
  private async updateIndicator(
    repos: Repositories,
    principal: Principal,
    networkId: number,
    existing: IndicatorRecord,
    patch: Partial<IndicatorFields>,
    id: string,
  ): Promise<IndicatorRecord> {
    if (!(await repos.indicators.update(existing.id, existing.version, patch)))
      throw new AppError(
        'conflict',
        `The indicator "${existing.slug}" changed meanwhile; import again.`,
      );
    const record = (await repos.indicators.findBySlug(existing.slug))!;
    await repos.audit.record({
      actor: principal.actor,
      action: 'indicator.updated',
      entityType: 'indicator',
      entityKey: record.slug,
      networkId,
      indicatorId: record.id,
      before: toIndicator(existing),
      after: toIndicator(record),
      comment: `From the Open SDG metadata of ${id}`,
    });
    return record;
  }

  /** `graph_target_lines` → the city's ambition, from its headline value in the base year (or the first after). */
  private async setAmbition(
    repos: Repositories,
    principal: Principal,
    cityId: number,
    indicator: IndicatorRecord,
    def: OpenSdgDefinition,
  ): Promise<{ set: RepositoryFileReport['ambition']; note: string | null }> {
    if (def.ambition === null) return { set: null, note: null };
    const values = await repos.observations.list({
      cityId,
      indicatorId: indicator.id,
      series: HEADLINE,
    });
    const fields = ambitionFromTargetLine(def.ambition, values);
    if (typeof fields === 'string') return { set: null, note: fields };
    await this.writeAmbition(repos, principal, cityId, indicator, fields);
    const { note: _note, ...set } = fields;
    return { set, note: null };
  }

  /** Writes the ambition unless it is the same (409 when it changed meanwhile), audited. */
  private async writeAmbition(
    repos: Repositories,
    principal: Principal,
    cityId: number,
    indicator: IndicatorRecord,
    fields: TargetLineAmbition,
  ): Promise<void> {
    const existing = await repos.ambitions.find(cityId, indicator.id, { lock: true });
    const same =
      existing !== undefined &&
      existing.baselineYear === fields.baselineYear &&
      existing.baselineValue === fields.baselineValue &&
      existing.targetYear === fields.targetYear &&
      existing.targetValue === fields.targetValue;
    if (!same) {
      const written =
        existing === undefined
          ? await repos.ambitions.insertIfAbsent(
              cityId,
              indicator.id,
              fields,
              principal.actor.userId,
            )
          : await repos.ambitions.updateIfVersion(
              cityId,
              indicator.id,
              existing.version,
              fields,
              principal.actor.userId,
            );
      if (!written)
        throw new AppError(
          'conflict',
          `The ambition for "${indicator.slug}" changed meanwhile; import again.`,
        );
      await repos.audit.record({
        actor: principal.actor,
        action: existing === undefined ? 'ambition.created' : 'ambition.updated',
        entityType: 'ambition',
        entityKey: indicator.slug,
        cityId,
        networkId: indicator.networkId,
        indicatorId: indicator.id,
        ...(existing === undefined ? {} : { before: { ...existing } }),
        after: fields,
        comment: 'From the Open SDG target line',
      });
    }
  }

  /** The city's values (as the reader may see them) as an Open SDG data repository zip. */
  async exportCity(
    principal: Principal,
    citySlug: string,
    networkSlug: string | undefined,
  ): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { repos } = this.uow;
    const { city, network } = await this.access.check(repos, principal, 'city.read', {
      city: citySlug,
      ...(networkSlug === undefined ? {} : { network: networkSlug }),
    });
    const scope = await this.access.scopeOf(principal);
    const rows = await exportRows(repos, scope, city!.id, network?.id);
    const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))];
    const indicators = new Map(
      (await repos.indicators.listAll())
        .filter((i) => indicatorIds.includes(i.id))
        .map((i) => [i.id, i]),
    );
    // The ambitions the reader may see: working ones in member networks, approved ones elsewhere.
    const ambitions = new Map<number, AmbitionRecord>();
    for (const part of readParts(scope)) {
      const filter = {
        cityId: city!.id,
        ...(part.networkIds === undefined ? {} : { networkIds: part.networkIds }),
      };
      for (const a of await repos.ambitions.list(filter, part.published))
        ambitions.set(a.indicatorId, a);
    }
    const files = indicatorFiles(rows, indicatorIds, indicators, ambitions);
    files['README.md'] = strToU8(
      `# ${city!.name}: SDG data in Open SDG's format\n\nExported by SDG City Monitor on ${new Date().toISOString().slice(0, 10)}: ` +
        `${indicatorIds.length} indicators, ${rows.length} values${network === undefined ? '' : ` of the network ${network.name}`}. ` +
        'Put `data/` and `meta/` into an Open SDG data repository (open-sdg-data-starter) to publish them.\n',
    );
    // Entries dated the day of the export (midnight UTC): the same data gives the same bytes all day.
    const day = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    return {
      fileName: `${city!.slug}-opensdg.zip`,
      bytes: zipSync(files, { level: 6, mtime: day }),
    };
  }
}

/** One exported value. */
interface ExportRow {
  indicatorId: number;
  series: string;
  year: number;
  value: number;
  flags: string;
  note: string | null;
}

/**
 * The city's values the scope may read (of one network when `networkId` is
 * given), read in pages of 5000 per part of the scope.
 */
async function exportRows(
  repos: Repositories,
  scope: ReadScope,
  cityId: number,
  networkId: number | undefined,
): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for (const part of readParts(scope)) {
    const networkIds =
      networkId === undefined
        ? part.networkIds
        : (part.networkIds ?? [networkId]).filter((n) => n === networkId);
    if (networkIds !== undefined && networkIds.length === 0) continue;
    let after: ObservationKey | null = null;
    for (;;) {
      const page = await repos.observations.exportPage(
        { cityId, ...(networkIds === undefined ? {} : { networkIds }) },
        after,
        5000,
        part.published,
      );
      for (const r of page)
        rows.push({
          indicatorId: r.indicator_id,
          series: r.series,
          year: r.year,
          value: r.value,
          flags: r.value_flags,
          note: r.note,
        });
      if (page.length < 5000) break;
      after = exportRowKey(page[page.length - 1]!);
    }
  }
  return rows;
}

/** The data and meta file of each indicator, by path (ids made unique). */
function indicatorFiles(
  rows: readonly ExportRow[],
  indicatorIds: readonly number[],
  indicators: ReadonlyMap<number, IndicatorRecord>,
  ambitions: ReadonlyMap<number, AmbitionRecord>,
): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  for (const indicatorId of indicatorIds) {
    const indicator = indicators.get(indicatorId)!;
    let id = exportId(indicator);
    if (used.has(id)) id = openSdgId(`${id}-${indicator.slug}`);
    used.add(id);
    files[`data/indicator_${id}.csv`] = strToU8(
      openSdgCsv(rows.filter((r) => r.indicatorId === indicatorId)),
    );
    const link = indicator.sdgLinks[0];
    const ambition = ambitions.get(indicatorId);
    const meta = writeOpenSdgMeta({
      id,
      name: indicator.name,
      unit: indicator.unit,
      source: indicator.source,
      sdgIndicator: link?.indicator ?? null,
      sdgTarget: link?.target ?? null,
      direction: indicator.direction,
      naturalLimit: indicator.naturalLimit,
      ambition: ambition ?? null,
    });
    files[`meta/${id}.md`] = strToU8(`---\n${toYaml(meta)}---\n${indicator.description}\n`);
  }
  return files;
}

/** Metadata over what the network has: only what it states, only when it differs (null: nothing). */
function metadataPatch(
  def: OpenSdgDefinition,
  name: string,
  existing: IndicatorRecord,
): Partial<IndicatorFields> | null {
  const fields: Partial<IndicatorFields> = {};
  if (def.name !== null || def.nameKey !== null) fields.name = name;
  if (def.unit !== null) fields.unit = def.unit;
  if (def.source !== null) fields.source = def.source;
  if (def.direction !== null) fields.direction = def.direction;
  if (def.naturalLimit !== null) fields.naturalLimit = def.naturalLimit;
  const changed = (Object.keys(fields) as Array<keyof IndicatorFields>).filter(
    (k) => fields[k] !== existing[k as keyof IndicatorRecord],
  );
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map((k) => [k, fields[k]])) as Partial<IndicatorFields>;
}

type TargetLineAmbition = {
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  note: string;
};

/**
 * The ambition of a target line: its baseline the first headline value from
 * the base year on (before the target year); when there is none, the note
 * saying so.
 */
function ambitionFromTargetLine(
  line: NonNullable<OpenSdgDefinition['ambition']>,
  values: ReadonlyArray<{ year: number; value: number }>,
): TargetLineAmbition | string {
  const base = values
    .filter((v) => v.year >= line.baseYear && v.year < line.targetYear)
    .sort((a, b) => a.year - b.year)[0];
  if (base === undefined)
    return `The target line (${line.targetValue} by ${line.targetYear}) needs a headline value from ${line.baseYear} on as baseline; none, so no ambition was set.`;
  return {
    baselineYear: base.year,
    baselineValue: base.value,
    targetYear: line.targetYear,
    targetValue: line.targetValue,
    note: line.label ?? 'From the Open SDG target line',
  };
}

/** The repository's report from its files' (failed files become skipped with onError=skipFile). */
function repositoryReport(
  options: RepositoryImportOptions,
  totals: {
    network: string;
    city: string;
    list: RepositoryFileReport[];
    created: number;
    updated: number;
    ambitions: number;
    ignored: number;
  },
): RepositoryReport {
  const { list } = totals;
  const failed = list.filter((r) => r.outcome === 'failed').length;
  const keepsGoing = options.onError === 'skipFile';
  if (keepsGoing) for (const r of list) if (r.outcome === 'failed') r.outcome = 'skipped';
  return {
    dryRun: options.dryRun,
    committed: !options.dryRun && (failed === 0 || keepsGoing),
    network: totals.network,
    city: totals.city,
    onError: options.onError,
    filesRead: list.length,
    filesImported: list.filter((r) => r.outcome === 'imported' || r.outcome === 'unchanged').length,
    filesFailed: failed,
    indicatorsCreated: totals.created,
    indicatorsUpdated: totals.updated,
    ambitionsSet: totals.ambitions,
    ignoredEntries: totals.ignored,
    files: list,
  };
}

function emptyFileReport(file: string, id: string): RepositoryFileReport {
  return {
    file,
    openSdgId: id,
    indicator: null,
    indicatorCreated: false,
    indicatorUpdated: false,
    outcome: 'imported',
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    skippedReasons: [],
    errorCount: 0,
    errors: [],
    warnings: [],
    ambition: null,
  };
}

function fail(report: RepositoryFileReport, message: string): void {
  report.outcome = 'failed';
  report.errorCount++;
  report.errors.push({
    row: 1,
    column: null,
    value: null,
    message: message.slice(0, MAX_QUOTED * 5),
  });
}

function takeImport(report: RepositoryFileReport, imported: ImportReport): void {
  report.rowsRead = imported.rowsRead;
  report.inserted = imported.committed ? imported.toInsert : 0;
  report.updated = imported.committed ? imported.toUpdate : 0;
  report.unchanged = imported.unchanged;
  if (!imported.committed && imported.errorCount === 0) {
    report.inserted = imported.toInsert;
    report.updated = imported.toUpdate;
  }
  report.skipped = imported.skipped;
  report.skippedReasons = imported.skippedReasons;
  report.errorCount += imported.errorCount;
  report.errors.push(...imported.errors.slice(0, ERRORS_PER_FILE));
  report.warnings.push(...imported.warnings);
  report.outcome =
    imported.errorCount > 0
      ? 'failed'
      : imported.toInsert + imported.toUpdate === 0
        ? 'unchanged'
        : 'imported';
}

/** Name and SDG links of a new indicator: the metadata's, else the UN framework's for the id. */
async function describe(
  repos: Repositories,
  id: string,
  def: OpenSdgDefinition,
): Promise<{ name: string; links: SdgLink[] }> {
  const keyCode =
    def.nameKey === null
      ? null
      : sdgCodesOf(/global_indicators\.([0-9a-z-]+)-title/.exec(def.nameKey)?.[1] ?? '').indicator;
  const sdgIndicator =
    def.sdgIndicator === null ? undefined : await repos.sdg.findIndicator(def.sdgIndicator);
  const titled = keyCode === null ? sdgIndicator : await repos.sdg.findIndicator(keyCode);
  const name = (def.name ?? titled?.titles.en ?? `Indicator ${id}`).slice(0, 300);
  if (
    sdgIndicator !== undefined &&
    (def.sdgTarget === null || def.sdgTarget === sdgIndicator.target)
  )
    return { name, links: [{ target: sdgIndicator.target, indicator: sdgIndicator.code }] };
  const target = def.sdgTarget === null ? undefined : await repos.sdg.findTarget(def.sdgTarget);
  if (target === undefined)
    throw new AppError(
      'bad_request',
      `Open SDG indicator ${id} names no SDG target this application knows; add target_id to its metadata.`,
    );
  return { name, links: [{ target: target.code, indicator: null }] };
}

/** A free slug for a new indicator: "<network>-<id>", numbered when taken. */
async function freeSlug(repos: Repositories, networkSlug: string, id: string): Promise<string> {
  const base = `${networkSlug.slice(0, 40)}-${id}`.slice(0, 60).replace(/-+$/, '');
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if ((await repos.indicators.findBySlug(slug)) === undefined) return slug;
  }
  throw new AppError('conflict', `No free slug for Open SDG indicator ${id}.`);
}

/** The Open SDG id an indicator is exported under. */
function exportId(indicator: IndicatorRecord): string {
  const kept = indicator.codes.opensdg;
  if (kept !== undefined) return openSdgId(kept);
  const link = indicator.sdgLinks[0];
  const code = link?.indicator ?? link?.target;
  return code === undefined || code === null ? openSdgId(indicator.slug) : openSdgId(code);
}

/** Open SDG's sdg-build columns for the dimensions kept as series identity. */
const IDENTITY_COLUMNS: Readonly<Record<string, string>> = {
  units: 'Units',
  series: 'Series',
  'unit measure': 'Unit measure',
  'unit multiplier': 'Unit multiplier',
};

/** One indicator's values as an Open SDG data file (headline rows first, as the import reads them). */
export function openSdgCsv(
  rows: ReadonlyArray<{
    series: string;
    year: number;
    value: number;
    flags: string;
    note: string | null;
  }>,
): string {
  const dimensions = new Set<string>();
  for (const r of rows)
    for (const name of Object.keys(seriesDimensions(r.series))) dimensions.add(name);
  const identity = Object.keys(IDENTITY_COLUMNS).filter((d) => dimensions.has(d));
  const breakdowns = [...dimensions]
    .filter((d) => !(d in IDENTITY_COLUMNS) && d !== 'geocode')
    .sort();
  const geocode = dimensions.has('geocode');
  const flags = rows.some((r) => r.flags !== '');
  const notes = rows.some((r) => (r.note ?? '') !== '');
  const header = [
    'Year',
    ...identity.map((d) => IDENTITY_COLUMNS[d]!),
    ...breakdowns,
    ...(geocode ? ['GeoCode'] : []),
    ...(flags ? ['Observation status'] : []),
    ...(notes ? ['COMMENT_OBS'] : []),
    'Value',
  ];
  const sorted = [...rows].sort((a, b) =>
    a.series === b.series
      ? a.year - b.year
      : a.series === HEADLINE
        ? -1
        : b.series === HEADLINE
          ? 1
          : a.series < b.series
            ? -1
            : 1,
  );
  let out = csvLine(header);
  for (const r of sorted) {
    const dims = seriesDimensions(r.series);
    out += csvLine([
      String(r.year),
      ...identity.map((d) => dims[d] ?? ''),
      ...breakdowns.map((d) => dims[d] ?? ''),
      ...(geocode ? [dims.geocode ?? ''] : []),
      ...(flags
        ? [
            flagWords(r.flags)
              .map((w) => w.replace(/-/g, ' '))
              .join(', '),
          ]
        : []),
      ...(notes ? [r.note ?? ''] : []),
      String(r.value),
    ]);
  }
  return out;
}

/** "1-2-1" < "1-10-1" < "10-1-1": ids in the order of the goals. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
