import type { Knex } from 'knex';
import type {
  CityRow,
  IndicatorRow,
  NetworkRow,
  SdgGoalRow,
  SdgIndicatorRow,
  SdgTargetRow,
} from '../db/rows';

/**
 * Bulk loading: the one documented way for code outside the application's
 * services — seeds (UN framework, demo network, SDSN reference data), test
 * factories and benchmark datasets — to write rows. It writes rows in the
 * tables' own shape (db/rows.ts), in chunks, without the services' checks
 * (no If-Match versions, no audit per row, no review state): callers load
 * data they trust, usually in one transaction they own (pass the
 * transaction as `knex`). Everything a user does goes through the services.
 *
 * Keeping this SQL here means a schema change is made in repositories only;
 * the lint rule in eslint.config.js keeps knex calls out of seeds/, bench/
 * and test helpers.
 */

type Insert<Row, Required extends keyof Row> = Pick<Row, Required> &
  Partial<Omit<Row, 'id' | 'version' | 'created_at' | 'updated_at'>>;

export type NewNetworkRow = Insert<NetworkRow, 'slug' | 'name'>;
export type NewCityRow = Insert<CityRow, 'slug' | 'name' | 'country_code'>;
export type NewIndicatorRow = Insert<IndicatorRow, 'network_id' | 'slug' | 'name' | 'unit'>;

export interface NewObservationRow {
  city_id: number;
  indicator_id: number;
  year: number;
  value: number;
  status?: 'final' | 'provisional' | 'estimated';
  source?: string | null;
  note?: string | null;
  series?: string;
}

export interface NewAmbitionRow {
  city_id: number;
  indicator_id: number;
  baseline_year: number;
  baseline_value: number;
  target_year: number;
  target_value: number;
  note?: string | null;
}

export interface SdgLinkRow {
  target: string;
  indicator?: string | null;
}

export type GrantRole = 'admin' | 'coordinator' | 'viewer' | 'editor';

const CHUNK = 1000;

export class BulkLoadRepository {
  constructor(private readonly knex: Knex) {}

  /** Runs `load` in one transaction with a bulk loader bound to it. */
  static async inTransaction<T>(
    knex: Knex,
    load: (bulk: BulkLoadRepository, trx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    return knex.transaction((trx) => load(new BulkLoadRepository(trx), trx));
  }

  // ── Catalogue ─────────────────────────────────────────────────────────

  async insertNetwork(fields: NewNetworkRow): Promise<NetworkRow> {
    const [row] = (await this.knex('networks')
      .insert({ data_kind: 'reported', ...fields })
      .returning('*')) as NetworkRow[];
    if (row === undefined) throw new Error(`network ${fields.slug} was not created`);
    return row;
  }

  /** The network's id, creating it with `fields` when no network has its slug. */
  async ensureNetwork(fields: NewNetworkRow): Promise<number> {
    const existing = await this.networkId(fields.slug);
    return existing ?? (await this.insertNetwork(fields)).id;
  }

  async networkId(slug: string): Promise<number | undefined> {
    const row = (await this.knex('networks').where({ slug }).first('id')) as
      { id: number } | undefined;
    return row?.id;
  }

  async networkIds(): Promise<number[]> {
    const rows = (await this.knex('networks').select('id')) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  async insertCity(fields: NewCityRow): Promise<CityRow> {
    const [row] = (await this.knex('cities').insert(fields).returning('*')) as CityRow[];
    if (row === undefined) throw new Error(`city ${fields.slug} was not created`);
    return row;
  }

  /** Inserts many cities in chunks; returns their ids in the order given. */
  async insertCities(rows: readonly NewCityRow[]): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = (await this.knex('cities')
        .insert(rows.slice(i, i + CHUNK))
        .returning('id')) as Array<{ id: number }>;
      ids.push(...chunk.map((c) => c.id));
    }
    return ids;
  }

  /** Creates the city or, when its slug exists, renames it; returns its id. */
  async upsertCity(fields: NewCityRow): Promise<number> {
    const [row] = (await this.knex('cities')
      .insert(fields)
      .onConflict('slug')
      .merge(['name'])
      .returning('id')) as Array<{ id: number }>;
    if (row === undefined) throw new Error(`city ${fields.slug} was not created`);
    return row.id;
  }

  async cityId(slug: string): Promise<number | undefined> {
    const row = (await this.knex('cities').where({ slug }).first('id')) as
      { id: number } | undefined;
    return row?.id;
  }

  /** Adds a code (e.g. Urban Audit) to a city unless another city already has it. */
  async addCityCode(cityId: number, scheme: string, code: string): Promise<void> {
    await this.knex('city_codes')
      .insert({ city_id: cityId, scheme, code })
      .onConflict(['scheme', 'code'])
      .ignore();
  }

  /** Adds cities to a network; members already there are left as they are. */
  async addMembers(
    networkId: number,
    members: ReadonlyArray<{ cityId: number; role: 'lead_partner' | 'partner' }>,
  ): Promise<void> {
    for (let i = 0; i < members.length; i += CHUNK) {
      await this.knex('network_members')
        .insert(
          members
            .slice(i, i + CHUNK)
            .map((m) => ({ network_id: networkId, city_id: m.cityId, role: m.role })),
        )
        .onConflict(['network_id', 'city_id'])
        .ignore();
    }
  }

  /** Inserts an indicator with its SDG links. */
  async insertIndicator(
    fields: NewIndicatorRow,
    links: readonly SdgLinkRow[],
  ): Promise<IndicatorRow> {
    const [row] = (await this.knex('indicators')
      .insert(indicatorColumns(fields))
      .returning('*')) as IndicatorRow[];
    if (row === undefined) throw new Error(`indicator ${fields.slug} was not created`);
    await this.insertLinks(row.id, links);
    return row;
  }

  /** Creates the indicator or overwrites it (by slug), replacing its SDG links; returns its id. */
  async upsertIndicator(fields: NewIndicatorRow, links: readonly SdgLinkRow[]): Promise<number> {
    const [row] = (await this.knex('indicators')
      .insert(indicatorColumns(fields))
      .onConflict('slug')
      .merge()
      .returning('id')) as Array<{ id: number }>;
    if (row === undefined) throw new Error(`indicator ${fields.slug} was not created`);
    await this.knex('indicator_sdg_links').where({ indicator_id: row.id }).del();
    await this.insertLinks(row.id, links);
    return row.id;
  }

  private async insertLinks(indicatorId: number, links: readonly SdgLinkRow[]): Promise<void> {
    if (links.length === 0) return;
    await this.knex('indicator_sdg_links').insert(
      links.map((l) => ({
        indicator_id: indicatorId,
        sdg_target: l.target,
        sdg_indicator: l.indicator ?? null,
      })),
    );
  }

  // ── Data ──────────────────────────────────────────────────────────────

  async insertObservations(rows: readonly NewObservationRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await this.knex('observations').insert(rows.slice(i, i + CHUNK));
  }

  /** Deletes every value of the given indicators (reloading reference data). */
  async deleteObservationsOf(indicatorIds: readonly number[]): Promise<void> {
    if (indicatorIds.length === 0) return;
    await this.knex('observations').whereIn('indicator_id', indicatorIds).del();
  }

  async insertAmbitions(rows: readonly NewAmbitionRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await this.knex('ambitions').insert(rows.slice(i, i + CHUNK));
  }

  /** The headline values of a network's non-synthetic indicators, ordered by city, indicator, year. */
  async realHeadlineValues(
    networkId: number,
  ): Promise<
    Array<{ cityId: number; indicatorId: number; slug: string; year: number; value: number }>
  > {
    const rows = (await this.knex('observations as o')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .where({ 'i.network_id': networkId, 'i.synthetic': false, 'o.series': '' })
      .select('o.city_id', 'o.indicator_id', 'i.slug', 'o.year', 'o.value')
      .orderBy(['o.city_id', 'o.indicator_id', 'o.year'])) as Array<{
      city_id: number;
      indicator_id: number;
      slug: string;
      year: number;
      value: number;
    }>;
    return rows.map((r) => ({
      cityId: r.city_id,
      indicatorId: r.indicator_id,
      slug: r.slug,
      year: r.year,
      value: r.value,
    }));
  }

  /**
   * Fills every member city × indicator of every network with deterministic
   * synthetic values for `firstYear`…`lastYear` (a trend plus noise, within
   * about 1..99), and ambitions from `firstYear` to 2030 for four series in
   * five. Done in SQL so that benchmark datasets of millions of values load
   * in seconds; `valueFor` in tests/helpers/dataset.ts is the same idea for
   * generated files.
   */
  async fillSyntheticValues(firstYear: number, lastYear: number): Promise<void> {
    await this.knex.raw(
      `insert into observations (city_id, indicator_id, year, value, status)
       select c.id, i.id, y,
              round((20 + 60 * abs(sin(c.id * 12.9898 + i.id * 78.233)) + ((c.id + i.id) % 7 - 3) * (y - ?) * 0.5
                     + sin((c.id + 1) * (i.id + 1) * (y + 1)) * 0.8)::numeric, 2)::float8,
              'final'
         from cities c
         join network_members m on m.city_id = c.id
         join indicators i on i.network_id = m.network_id
        cross join generate_series(?::int, ?::int) y`,
      [firstYear, firstYear, lastYear],
    );
    await this.deriveAmbitions(firstYear);
  }

  /**
   * Ambitions for 80 % of the series from the values already stored: baseline
   * the value of `firstYear`, target 2030 (40 % better) — for generated data.
   */
  async deriveAmbitions(firstYear: number): Promise<void> {
    await this.knex.raw(
      `insert into ambitions (city_id, indicator_id, baseline_year, baseline_value, target_year, target_value)
       select o.city_id, o.indicator_id, o.year, o.value,
              2030, case when i.direction = 'increase' then least(o.value * 1.4, 99) else o.value * 0.6 end
         from observations o join indicators i on i.id = o.indicator_id
        where o.year = ? and (o.city_id + o.indicator_id) % 5 <> 0`,
      [firstYear],
    );
  }

  async countObservations(): Promise<number> {
    const row = (await this.knex('observations').count({ n: '*' }).first()) as
      { n: number | string } | undefined;
    return Number(row?.n ?? 0);
  }

  /**
   * The database's own floor for storing the observations held now: copies
   * them into a new table `name` with the observations' defaults, checks,
   * primary key and indexes. The import benchmark compares its import with
   * this (docs/data-service.md).
   */
  async copyObservationsIntoIndexedTable(name: string): Promise<void> {
    await this.knex.raw(
      'create table ?? (like observations including defaults including constraints including indexes)',
      [name],
    );
    await this.knex.raw('insert into ?? select * from observations', [name]);
  }

  /** Refreshes the planner's statistics after a bulk load. */
  async analyze(): Promise<void> {
    await this.knex.raw('analyze');
  }

  // ── The UN framework ──────────────────────────────────────────────────

  /** Upserts goals, targets and indicators by code (running it twice changes nothing). */
  async upsertSdgFramework(framework: {
    goals: readonly SdgGoalRow[];
    targets: readonly SdgTargetRow[];
    indicators: readonly SdgIndicatorRow[];
  }): Promise<void> {
    const json = <T extends { titles: unknown }>(row: T) => ({
      ...row,
      titles: JSON.stringify(row.titles),
    });
    await this.knex('sdg_goals')
      .insert(
        framework.goals.map((g) => ({ ...json(g), short_titles: JSON.stringify(g.short_titles) })),
      )
      .onConflict('goal')
      .merge();
    await this.knex('sdg_targets').insert(framework.targets.map(json)).onConflict('code').merge();
    for (let i = 0; i < framework.indicators.length; i += CHUNK)
      await this.knex('sdg_indicators')
        .insert(framework.indicators.slice(i, i + CHUNK).map(json))
        .onConflict('code')
        .merge();
  }

  // ── Accounts ──────────────────────────────────────────────────────────

  async userId(email: string): Promise<number | undefined> {
    const row = (await this.knex('users')
      .whereRaw('lower(email) = lower(?)', [email])
      .first('id')) as { id: number } | undefined;
    return row?.id;
  }

  /** Creates an account; without a password hash it can only use sessions made here. */
  async insertUser(fields: {
    email: string;
    displayName: string;
    passwordHash?: string;
  }): Promise<number> {
    const [row] = (await this.knex('users')
      .insert({
        email: fields.email,
        display_name: fields.displayName,
        ...(fields.passwordHash === undefined
          ? {}
          : { password_hash: fields.passwordHash, password_changed_at: this.knex.fn.now() }),
      })
      .returning('id')) as Array<{ id: number }>;
    if (row === undefined) throw new Error(`user ${fields.email} was not created`);
    return row.id;
  }

  /** Grants a role (a network's for coordinator/viewer, a city's for editor); an existing grant is kept. */
  async grant(
    userId: number,
    role: GrantRole,
    scope: { networkId?: number | null; cityId?: number | null } = {},
  ): Promise<void> {
    await this.knex.raw(
      `insert into role_grants (user_id, role, network_id, city_id) values (?, ?, ?, ?)
       on conflict do nothing`,
      [userId, role, scope.networkId ?? null, scope.cityId ?? null],
    );
  }

  /** A live session for `userId` (the token is stored hashed, as sign-in stores it). */
  async insertSession(fields: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.knex('sessions').insert({
      id: fields.tokenHash,
      user_id: fields.userId,
      csrf_token: fields.csrfToken,
      expires_at: fields.expiresAt,
    });
  }
}

/** Indicator columns as the table stores them (JSON columns serialised). */
function indicatorColumns(fields: NewIndicatorRow): Record<string, unknown> {
  return {
    ...fields,
    ...(fields.translations === undefined
      ? {}
      : { translations: JSON.stringify(fields.translations) }),
    ...(fields.codes === undefined ? {} : { codes: JSON.stringify(fields.codes) }),
  };
}
