import type { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseKind } from '../db/database';
import type { ObservationStatus } from '../domain/observation-rules';

/** A validated row waiting in the staging table. */
export interface StagedRow {
  rowNo: number;
  cityId: number;
  indicatorId: number;
  /** The series' canonical key ('' for the headline). */
  series: string;
  year: number;
  value: number;
  status: ObservationStatus | null;
  source: string | null;
  note: string | null;
  /** Flag letters (e, p, b, u, c), or null when the file says nothing about flags. */
  flags: string | null;
}

/** Which optional columns the file had: an absent column leaves stored values alone. */
export interface ImportColumns {
  status: boolean;
  source: boolean;
  note: boolean;
  flags: boolean;
}

export interface StagingWriter {
  /** Buffers a row; returns a promise only when the buffer is being flushed (await it). */
  write(row: StagedRow): Promise<void> | undefined;
  /** Flushes and closes the stream; the staging table is then complete. */
  finish(): Promise<void>;
  /** Abandons the stream (COPY fails, the connection is usable again for the rollback). */
  abort(): Promise<void>;
}

type Writer<T> = {
  write(row: T): Promise<void> | undefined;
  finish(): Promise<void>;
  abort(): Promise<void>;
};

export interface DiffCounts {
  toInsert: number;
  toUpdate: number;
  unchanged: number;
}

/** A staged value that would be inserted (oldValue null) or change a stored one. */
export interface StagedChange {
  rowNo: number;
  city: string;
  indicator: string;
  /** The series' canonical key ('' for the headline). */
  series: string;
  year: number;
  oldValue: number | null;
  newValue: number;
  /** What else changes besides (or instead of) the number. */
  also: Array<'status' | 'source' | 'note' | 'flags'>;
}

export interface SeriesPoint {
  cityId: number;
  indicatorId: number;
  series: string;
  year: number;
  value: number;
}

export interface FlagRow {
  cityId: number;
  indicatorId: number;
  series: string;
  year: number;
  flag: unknown;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Escapes a value for PostgreSQL's COPY text format. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

function rowLine(row: StagedRow): string {
  return `${row.rowNo}\t${row.cityId}\t${row.indicatorId}\t${copyText(row.series)}\t${row.year}\t${String(row.value)}\t${copyText(row.status)}\t${copyText(row.source)}\t${copyText(row.note)}\t${copyText(row.flags)}\n`;
}

const PGLITE_FLUSH_BYTES = 8 * 1024 * 1024;

/**
 * The bulk path for imports: rows stream into a temporary staging table with
 * COPY (node-postgres: pg-copy-streams; PGlite: COPY from a blob, in chunks),
 * then one statement merges them into observations and writes the history.
 * Everything runs inside the caller's transaction.
 */
export class ImportRepository {
  constructor(
    private readonly knex: Knex,
    private readonly kind: DatabaseKind,
  ) {}

  /**
   * Creates the staging tables (dropped at commit or rollback) and returns a
   * writer for the rows. Several imports may run in one transaction (a
   * repository's files, the demo seed): a previous import's tables are
   * emptied and reused (creating tables is catalogue work, ~10 ms a file).
   */
  async openStaging(): Promise<StagingWriter> {
    await this.knex.raw(`
      create temporary table if not exists import_rows (
        row_no integer not null, city_id integer not null, indicator_id integer not null,
        series text not null, year smallint not null, value double precision not null,
        status text, source text, note text, value_flags text
      ) on commit drop`);
    await this.knex.raw(`
      create temporary table if not exists import_flags (
        city_id integer not null, indicator_id integer not null, series text not null,
        year smallint not null, flag jsonb not null
      ) on commit drop`);
    await this.knex.raw('truncate pg_temp.import_rows, pg_temp.import_flags');
    return this.kind === 'postgres'
      ? this.postgresWriter('import_rows', rowLine)
      : this.pgliteWriter('import_rows', rowLine);
  }

  /** Stores the plausibility flags computed for staged rows. */
  async stageFlags(flags: readonly FlagRow[]): Promise<void> {
    if (flags.length === 0) return;
    const line = (f: FlagRow): string =>
      `${f.cityId}\t${f.indicatorId}\t${copyText(f.series)}\t${f.year}\t${copyText(JSON.stringify(f.flag))}\n`;
    const writer =
      this.kind === 'postgres'
        ? await this.postgresWriter('import_flags', line)
        : await this.pgliteWriter('import_flags', line);
    for (const flag of flags) {
      const flushing = writer.write(flag);
      if (flushing !== undefined) await flushing;
    }
    await writer.finish();
  }

  private async rawConnection(): Promise<unknown> {
    // Inside a knex transaction this is the transaction's own connection.
    return (this.knex.client as { acquireConnection(): Promise<unknown> }).acquireConnection();
  }

  private async postgresWriter<T>(table: string, format: (row: T) => string): Promise<Writer<T>> {
    const client = (await this.rawConnection()) as pg.Client;
    const stream = client.query(copyFrom(`copy ${table} from stdin`));
    let failure: Error | null = null;
    stream.on('error', (err: Error) => {
      failure = err;
    });
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    finished.catch(() => undefined); // observed through `failure` or awaited in finish()
    let done = false;
    // Lines are batched into ~64 kB writes: far fewer stream calls than one per row.
    let buffer = '';
    const flush = async (): Promise<void> => {
      if (failure !== null) throw failure;
      if (buffer === '') return;
      const ok = stream.write(buffer);
      buffer = '';
      if (!ok) await new Promise<void>((resolve) => stream.once('drain', resolve));
    };
    return {
      write: (row) => {
        buffer += format(row);
        return buffer.length >= 65_536 ? flush() : undefined;
      },
      finish: async () => {
        await flush();
        done = true;
        stream.end();
        await finished;
        await this.knex.raw(`analyze ${table}`);
      },
      abort: async () => {
        if (done || stream.destroyed) return;
        done = true;
        const closed = new Promise<void>((resolve) => stream.once('close', resolve));
        // Sends CopyFail: the server ends the COPY and the connection can roll back.
        stream.destroy(new Error('import abandoned'));
        await closed;
      },
    };
  }

  private async pgliteWriter<T>(table: string, format: (row: T) => string): Promise<Writer<T>> {
    const pglite = (await this.rawConnection()) as PGlite;
    let parts: string[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      if (parts.length === 0) return;
      const blob = new Blob(parts);
      parts = [];
      size = 0;
      await pglite.query(`copy ${table} from '/dev/blob'`, [], { blob });
    };
    return {
      write: (row) => {
        const line = format(row);
        parts.push(line);
        size += line.length;
        return size >= PGLITE_FLUSH_BYTES ? flush() : undefined;
      },
      finish: async () => {
        await flush();
        await this.knex.raw(`analyze ${table}`);
      },
      abort: async () => {
        parts = [];
        size = 0;
      },
    };
  }

  /**
   * Stored values of the series the file touches, for the years the file does
   * not overwrite: what plausibility checks compare new values with.
   */
  async existingSeries(): Promise<SeriesPoint[]> {
    const result = (await this.knex.raw(`
      select o.city_id, o.indicator_id, o.series, o.year, o.value
      from observations o
      where exists (
          select 1 from import_rows r
          where r.city_id = o.city_id and r.indicator_id = o.indicator_id and r.series = o.series)
        and not exists (
          select 1 from import_rows r
          where r.city_id = o.city_id and r.indicator_id = o.indicator_id and r.series = o.series
            and r.year = o.year)`)) as {
      rows: Array<{
        city_id: number;
        indicator_id: number;
        series: string;
        year: number;
        value: number;
      }>;
    };
    return result.rows.map((r) => ({
      cityId: r.city_id,
      indicatorId: r.indicator_id,
      series: r.series,
      year: r.year,
      value: r.value,
    }));
  }

  private newValues(columns: ImportColumns): {
    status: string;
    source: string;
    note: string;
    flags: string;
  } {
    return {
      status: columns.status ? `coalesce(r.status, 'final')` : `coalesce(o.status, 'final')`,
      source: columns.source ? 'r.source' : 'o.source',
      note: columns.note ? 'r.note' : 'o.note',
      flags: columns.flags ? `coalesce(r.value_flags, '')` : `coalesce(o.value_flags, '')`,
    };
  }

  /** How many staged rows would insert, update or leave a value unchanged. */
  async diffCounts(columns: ImportColumns): Promise<DiffCounts> {
    const v = this.newValues(columns);
    const result = (await this.knex.raw(`
      select
        count(*) filter (where o.city_id is null)::int as to_insert,
        count(*) filter (where o.city_id is not null and
          (o.value, o.status, o.source, o.note, o.value_flags) is distinct from (r.value, ${v.status}, ${v.source}, ${v.note}, ${v.flags}))::int as to_update,
        count(*) filter (where o.city_id is not null and
          (o.value, o.status, o.source, o.note, o.value_flags) is not distinct from (r.value, ${v.status}, ${v.source}, ${v.note}, ${v.flags}))::int as unchanged
      from import_rows r
      left join observations o on o.city_id = r.city_id and o.indicator_id = r.indicator_id and o.series = r.series and o.year = r.year`)) as {
      rows: Array<{ to_insert: number; to_update: number; unchanged: number }>;
    };
    const row = result.rows[0];
    return {
      toInsert: row?.to_insert ?? 0,
      toUpdate: row?.to_update ?? 0,
      unchanged: row?.unchanged ?? 0,
    };
  }

  /** Joins and condition selecting the staged rows that would insert or change a value. */
  private changedRows(columns: ImportColumns): { joins: string; changed: string } {
    const v = this.newValues(columns);
    return {
      joins: `import_rows r
        join indicators i on i.id = r.indicator_id
        left join observations o on o.city_id = r.city_id and o.indicator_id = r.indicator_id and o.series = r.series and o.year = r.year`,
      changed: `(o.city_id is null
        or (o.value, o.status, o.source, o.note, o.value_flags) is distinct from (r.value, ${v.status}, ${v.source}, ${v.note}, ${v.flags}))`,
    };
  }

  /**
   * Staged values with a plausibility flag that the import leaves unchanged
   * (their flag is not stored: the merge writes changed values only), by the
   * file's row and year, which name a staged value.
   */
  async unchangedFlagged(columns: ImportColumns): Promise<Array<{ rowNo: number; year: number }>> {
    const v = this.newValues(columns);
    const result = (await this.knex.raw(`
      select r.row_no, r.year
        from import_flags f
        join import_rows r on r.city_id = f.city_id and r.indicator_id = f.indicator_id
         and r.series = f.series and r.year = f.year
        join observations o on o.city_id = r.city_id and o.indicator_id = r.indicator_id
         and o.series = r.series and o.year = r.year
       where (o.value, o.status, o.source, o.note, o.value_flags) is not distinct from (r.value, ${v.status}, ${v.source}, ${v.note}, ${v.flags})`)) as {
      rows: Array<{ row_no: number; year: number }>;
    };
    return result.rows.map((r) => ({ rowNo: r.row_no, year: r.year }));
  }

  /**
   * The first `limit` staged values that would be inserted or changed, in the
   * file's order, with the stored value beside the new one and what else of
   * the value changes (status, source, note, flags): the dry run's "old → new".
   */
  async changes(columns: ImportColumns, limit: number): Promise<StagedChange[]> {
    const { joins, changed } = this.changedRows(columns);
    const v = this.newValues(columns);
    const result = (await this.knex.raw(
      `select r.row_no, c.slug as city, i.slug as indicator, r.series, r.year,
              o.value as old_value, r.value as new_value,
              case when o.city_id is null then array[]::text[] else array_remove(array[
                case when o.status is distinct from ${v.status} then 'status' end,
                case when o.source is distinct from ${v.source} then 'source' end,
                case when o.note is distinct from ${v.note} then 'note' end,
                case when o.value_flags is distinct from ${v.flags} then 'flags' end
              ], null) end as also
         from ${joins}
         join cities c on c.id = r.city_id
        where ${changed}
        order by r.row_no, r.year, r.series
        limit ?`,
      [limit],
    )) as {
      rows: Array<{
        row_no: number;
        city: string;
        indicator: string;
        series: string;
        year: number;
        old_value: number | null;
        new_value: number;
        also: string[];
      }>;
    };
    return result.rows.map((r) => ({
      rowNo: r.row_no,
      city: r.city,
      indicator: r.indicator,
      series: r.series,
      year: r.year,
      oldValue: r.old_value,
      newValue: r.new_value,
      also: r.also as StagedChange['also'],
    }));
  }

  /**
   * Locks the review periods (network, city, year) that staged rows would
   * change, creating draft rows for new ones, with a share lock held to the
   * end of the transaction, in two statements whatever the file's size (see
   * ReviewRepository.lockForWrite).
   */
  async lockChangedPeriods(columns: ImportColumns): Promise<void> {
    const { joins, changed } = this.changedRows(columns);
    const periods = `select distinct i.network_id, r.city_id, r.year from ${joins} where ${changed}`;
    await this.knex.raw(
      `insert into review_periods (network_id, city_id, year) ${periods}
       on conflict (network_id, city_id, year) do nothing`,
    );
    await this.knex.raw(
      `select 1 from review_periods p
         join (${periods}) k on k.network_id = p.network_id and k.city_id = p.city_id and k.year = p.year
        order by p.network_id, p.city_id, p.year
        for share of p`,
    );
  }

  /** Staged rows that would change a value in a submitted or approved year (at most `limit`). */
  async lockedRows(
    columns: ImportColumns,
    limit: number,
  ): Promise<Array<{ rowNo: number; year: number; cityName: string; state: string }>> {
    const { joins, changed } = this.changedRows(columns);
    const result = (await this.knex.raw(
      `select r.row_no, r.year, c.name as city_name, p.state
         from ${joins}
         join cities c on c.id = r.city_id
         join review_periods p on p.network_id = i.network_id and p.city_id = r.city_id and p.year = r.year
        where p.state in ('submitted', 'approved') and ${changed}
        order by r.row_no limit ?`,
      [limit],
    )) as { rows: Array<{ row_no: number; year: number; city_name: string; state: string }> };
    return result.rows.map((r) => ({
      rowNo: r.row_no,
      year: r.year,
      cityName: r.city_name,
      state: r.state,
    }));
  }

  /** The committed imports with these ids (who ran them and when). */
  async findRecords(
    ids: readonly number[],
  ): Promise<Array<{ id: number; actorLabel: string; createdAt: Date; fileName: string | null }>> {
    if (ids.length === 0) return [];
    const rows = (await this.knex('imports')
      .whereIn('id', ids)
      .select('id', 'actor_label', 'created_at', 'file_name')) as Array<{
      id: number;
      actor_label: string;
      created_at: Date;
      file_name: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      actorLabel: r.actor_label,
      createdAt: r.created_at,
      fileName: r.file_name,
    }));
  }

  /** Records the import itself; returns its id. */
  async insertImport(record: {
    actor: Actor;
    format: string;
    fileName: string | null;
    rowsRead: number;
    inserted: number;
    updated: number;
    unchanged: number;
    skipped: number;
    flagged: number;
  }): Promise<number> {
    const [row] = (await this.knex('imports')
      .insert({
        actor_user_id: record.actor.userId,
        actor_label: record.actor.label,
        format: record.format,
        file_name: record.fileName,
        rows_read: record.rowsRead,
        inserted: record.inserted,
        updated: record.updated,
        unchanged: record.unchanged,
        skipped: record.skipped,
        flagged: record.flagged,
      })
      .returning('id')) as Array<{ id: number }>;
    if (row === undefined) throw new Error('import insert returned no id');
    return row.id;
  }

  /**
   * Merges the staged rows that change something into observations (plain
   * inserts for new values, updates with a version bump for changed ones, no
   * speculative upsert) and records them, in one statement:
   * - each changed value gets a history event with its before and after;
   * - a new value records its creation once, through the import (who, when),
   *   in `created_import_id`: one event per file, not one per value;
   * - each city touched gets one summary event for its recent-changes feed.
   */
  // Long on purpose: one SQL statement, so that a million-row merge is one round trip.
  async merge(columns: ImportColumns, actor: Actor, importId: number): Promise<void> {
    const v = this.newValues(columns);
    // Sorting and hashing a million staged rows in memory beats spilling to disk.
    await this.knex.raw(`set local work_mem = '64MB'`);
    await this.knex.raw(
      `
      with params as (
        select cast(:user as integer) as user_id, cast(:label as text) as label, cast(:import as bigint) as import_id
      ),
      changed as (
        select r.city_id, r.indicator_id, r.series, r.year, r.value,
               ${v.status} as status, ${v.source} as source, ${v.note} as note, ${v.flags} as value_flags,
               o.city_id is not null as existed, o.value as old_value, o.status as old_status,
               o.source as old_source, o.note as old_note, o.value_flags as old_flags,
               o.version as old_version, o.created_import_id as old_import_id
        from import_rows r
        left join observations o on o.city_id = r.city_id and o.indicator_id = r.indicator_id and o.series = r.series and o.year = r.year
        where o.city_id is null
           or (o.value, o.status, o.source, o.note, o.value_flags) is distinct from (r.value, ${v.status}, ${v.source}, ${v.note}, ${v.flags})
      ),
      inserted as (
        insert into observations
          (city_id, indicator_id, series, year, value, status, source, note, flag, value_flags,
           created_by, updated_by, created_import_id)
        select c.city_id, c.indicator_id, c.series, c.year, c.value, c.status, c.source, c.note, f.flag,
               c.value_flags, p.user_id, p.user_id, p.import_id
        from changed c
        cross join params p
        left join import_flags f on f.city_id = c.city_id and f.indicator_id = c.indicator_id
          and f.series = c.series and f.year = c.year
        where not c.existed
        -- In key order, the primary-key index grows at its end instead of being written all over.
        order by c.city_id, c.indicator_id, c.series, c.year
      ),
      updated as (
        update observations t
           set value = c.value, status = c.status, source = c.source, note = c.note, flag = f.flag,
               value_flags = c.value_flags, version = t.version + 1, updated_by = p.user_id, updated_at = now()
          from changed c
          cross join params p
          left join import_flags f on f.city_id = c.city_id and f.indicator_id = c.indicator_id
            and f.series = c.series and f.year = c.year
         where c.existed and t.city_id = c.city_id and t.indicator_id = c.indicator_id
           and t.series = c.series and t.year = c.year
      ),
      summary as (
        insert into audit_events (actor_user_id, actor_label, action, entity_type, entity_key, network_id, city_id, after, import_id)
        select p.user_id, p.label, 'import.committed', 'import', 'import/' || p.import_id || '/' || ci.slug,
               null, c.city_id,
               jsonb_build_object('inserted', count(*) filter (where not c.existed),
                                  'updated', count(*) filter (where c.existed)),
               p.import_id
        from changed c
        join cities ci on ci.id = c.city_id
        cross join params p
        group by c.city_id, ci.slug, p.user_id, p.label, p.import_id
      )
      insert into audit_events
        (actor_user_id, actor_label, action, entity_type, entity_key, network_id, city_id, indicator_id,
         series, year, before, after, import_id)
      select p.user_id, p.label, 'observation.updated', 'observation',
             ci.slug || '/' || ind.slug || '/' || c.year || case when c.series = '' then '' else ' ' || c.series end,
             ind.network_id, c.city_id, c.indicator_id, c.series, c.year,
             jsonb_strip_nulls(jsonb_build_object(
               'value', c.old_value, 'status', c.old_status, 'version', c.old_version,
               'createdImportId', c.old_import_id)) ||
               jsonb_build_object('source', c.old_source, 'note', c.old_note),
             jsonb_build_object('value', c.value, 'status', c.status, 'source', c.source, 'note', c.note,
               'version', c.old_version + 1),
             p.import_id
      from changed c
      cross join params p
      join cities ci on ci.id = c.city_id
      join indicators ind on ind.id = c.indicator_id
      where c.existed`,
      { user: actor.userId, label: actor.label, import: importId },
    );
  }
}
