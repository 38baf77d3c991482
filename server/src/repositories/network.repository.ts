import type { Knex } from 'knex';
import type { NetworkRow } from '../db/rows';

/** A network as services see it, with its counts (camelCase; mapped in `toNetworkRecord` only). */
export interface NetworkRecord {
  id: number;
  slug: string;
  name: string;
  description: string;
  isPublic: boolean;
  dataKind: NetworkRow['data_kind'];
  citation: string | null;
  licence: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  cityCount: number;
  indicatorCount: number;
  /** Years of all values, drafts included (members' view). */
  firstYear: number | null;
  lastYear: number | null;
  /** Years of the approved values (everyone else's view). */
  publishedFirstYear: number | null;
  publishedLastYear: number | null;
}

interface NetworkWithStatsRow extends NetworkRow {
  city_count: number;
  indicator_count: number;
  first_year: number | null;
  last_year: number | null;
  published_first_year: number | null;
  published_last_year: number | null;
}

function toNetworkRecord(row: NetworkWithStatsRow): NetworkRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    isPublic: row.is_public,
    dataKind: row.data_kind,
    citation: row.citation,
    licence: row.licence,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cityCount: row.city_count,
    indicatorCount: row.indicator_count,
    firstYear: row.first_year,
    lastYear: row.last_year,
    publishedFirstYear: row.published_first_year,
    publishedLastYear: row.published_last_year,
  };
}

/** Just enough of a network to decide access. */
export interface NetworkRef {
  id: number;
  slug: string;
  name: string;
  isPublic: boolean;
}

export interface MemberRecord {
  slug: string;
  name: string;
  countryCode: string;
  population: number | null;
  role: 'lead_partner' | 'partner';
}

export interface NetworkFields {
  slug: string;
  name: string;
  description: string;
  isPublic: boolean;
  dataKind: 'synthetic' | 'published' | 'reported' | 'mixed';
  citation: string | null;
  licence: string | null;
}

function networkColumns(fields: Partial<NetworkFields>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (fields.slug !== undefined) columns.slug = fields.slug;
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.isPublic !== undefined) columns.is_public = fields.isPublic;
  if (fields.dataKind !== undefined) columns.data_kind = fields.dataKind;
  if (fields.citation !== undefined) columns.citation = fields.citation;
  if (fields.licence !== undefined) columns.licence = fields.licence;
  return columns;
}

/** The subquery of a network's first (`min`) or last (`max`) year with values in `table`. */
const yearOf = (
  fn: 'min' | 'max',
  table: 'observations' | 'published_observations',
  alias: string,
): string =>
  `(select ${fn}(o.year)::int from ${table} o join indicators i on i.id = o.indicator_id
           where i.network_id = n.id) as ${alias}`;

/** Networks and their membership. */
export class NetworkRepository {
  constructor(private readonly knex: Knex) {}

  private withStats(): Knex.QueryBuilder {
    const k = this.knex;
    return k('networks as n').select(
      'n.*',
      k.raw(
        '(select count(*)::int from network_members m where m.network_id = n.id) as city_count',
      ),
      k.raw(
        '(select count(*)::int from indicators i where i.network_id = n.id and i.archived_at is null) as indicator_count',
      ),
      k.raw(yearOf('min', 'observations', 'first_year')),
      k.raw(yearOf('max', 'observations', 'last_year')),
      k.raw(yearOf('min', 'published_observations', 'published_first_year')),
      k.raw(yearOf('max', 'published_observations', 'published_last_year')),
    );
  }

  /** Every network with member, indicator and year counts, by name. */
  async list(): Promise<NetworkRecord[]> {
    return ((await this.withStats().orderBy('n.name')) as NetworkWithStatsRow[]).map(
      toNetworkRecord,
    );
  }

  /** Just enough of a network to decide access: no statistics. */
  async findRefBySlug(slug: string): Promise<NetworkRef | undefined> {
    return (await this.knex('networks')
      .where({ slug })
      .first('id', 'slug', 'name', 'is_public as isPublic')) as NetworkRef | undefined;
  }

  /** Ids of the networks anyone may read. */
  async publicIds(): Promise<number[]> {
    const rows = (await this.knex('networks').where({ is_public: true }).select('id')) as Array<{
      id: number;
    }>;
    return rows.map((r) => r.id);
  }

  async findBySlug(slug: string): Promise<NetworkRecord | undefined> {
    const row = (await this.withStats().where('n.slug', slug).first()) as
      NetworkWithStatsRow | undefined;
    return row === undefined ? undefined : toNetworkRecord(row);
  }

  /** Member cities, lead partner first, then by name. */
  async listMembers(networkId: number): Promise<MemberRecord[]> {
    return (await this.knex('network_members as m')
      .join('cities as c', 'c.id', 'm.city_id')
      .where('m.network_id', networkId)
      .select('c.slug', 'c.name', 'c.country_code as countryCode', 'c.population', 'm.role')
      .orderByRaw(`m.role = 'lead_partner' desc, c.name`)) as MemberRecord[];
  }

  /** Member cities with their ids, by name. */
  async listMembersWithIds(
    networkId: number,
  ): Promise<Array<{ id: number; slug: string; name: string; countryCode: string }>> {
    const rows = (await this.knex('network_members as m')
      .join('cities as c', 'c.id', 'm.city_id')
      .where('m.network_id', networkId)
      .select('c.id', 'c.slug', 'c.name', 'c.country_code')
      .orderBy('c.name')) as Array<{
      id: number;
      slug: string;
      name: string;
      country_code: string;
    }>;
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, countryCode: r.country_code }));
  }

  /** Distinct SDGs covered by the network's active indicators, through their links. */
  async listGoals(networkId: number): Promise<number[]> {
    const rows = (await this.knex('indicator_sdg_links as l')
      .join('indicators as i', 'i.id', 'l.indicator_id')
      .join('sdg_targets as t', 't.code', 'l.sdg_target')
      .where('i.network_id', networkId)
      .whereNull('i.archived_at')
      .distinct('t.goal')
      .orderBy('t.goal')) as Array<{ goal: number }>;
    return rows.map((r) => r.goal);
  }

  async insert(fields: NetworkFields): Promise<void> {
    await this.knex('networks').insert(networkColumns(fields));
  }

  /** Applies a partial update at the expected version; false when it changed meanwhile. */
  async update(
    id: number,
    expectedVersion: number,
    fields: Partial<NetworkFields>,
  ): Promise<boolean> {
    const count = await this.knex('networks')
      .where({ id, version: expectedVersion })
      .update({
        ...networkColumns(fields),
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  /** Number of observations of the network's indicators (deleting it would lose them). */
  async countObservations(id: number): Promise<number> {
    const row = (await this.knex('observations as o')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .where('i.network_id', id)
      .select(this.knex.raw('count(*)::int as c'))
      .first()) as { c: number } | undefined;
    return row?.c ?? 0;
  }

  async deleteIfVersion(id: number, expectedVersion: number): Promise<boolean> {
    return (await this.knex('networks').where({ id, version: expectedVersion }).del()) === 1;
  }

  /** Every (network, city) membership. */
  async allMemberships(): Promise<Array<{ networkId: number; cityId: number }>> {
    const rows = (await this.knex('network_members').select('network_id', 'city_id')) as Array<{
      network_id: number;
      city_id: number;
    }>;
    return rows.map((r) => ({ networkId: r.network_id, cityId: r.city_id }));
  }

  async findMember(
    networkId: number,
    cityId: number,
  ): Promise<{ role: 'lead_partner' | 'partner' } | undefined> {
    return (await this.knex('network_members')
      .where({ network_id: networkId, city_id: cityId })
      .first('role')) as { role: 'lead_partner' | 'partner' } | undefined;
  }

  /** Adds a city to the network or changes its role. */
  async upsertMember(
    networkId: number,
    cityId: number,
    role: 'lead_partner' | 'partner',
  ): Promise<void> {
    await this.knex('network_members')
      .insert({ network_id: networkId, city_id: cityId, role })
      .onConflict(['network_id', 'city_id'])
      .merge(['role']);
  }

  async deleteMember(networkId: number, cityId: number): Promise<boolean> {
    return (
      (await this.knex('network_members')
        .where({ network_id: networkId, city_id: cityId })
        .del()) === 1
    );
  }

  /** Observations a city reported for this network's indicators. */
  async countMemberObservations(networkId: number, cityId: number): Promise<number> {
    const row = (await this.knex('observations as o')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .where({ 'i.network_id': networkId, 'o.city_id': cityId })
      .select(this.knex.raw('count(*)::int as c'))
      .first()) as { c: number } | undefined;
    return row?.c ?? 0;
  }

  // ---- invitations (a city joins a network when its editor accepts)

  async findInvitation(networkId: number, cityId: number): Promise<InvitationRecord | undefined> {
    const rows = (await this.invitations().where({
      'v.network_id': networkId,
      'v.city_id': cityId,
    })) as InvitationRecord[];
    return rows[0];
  }

  /** A city's pending invitations, oldest first. */
  async invitationsOfCity(cityId: number): Promise<InvitationRecord[]> {
    return (await this.invitations()
      .where('v.city_id', cityId)
      .orderBy('v.invited_at')) as InvitationRecord[];
  }

  /** A network's pending invitations, oldest first. */
  async invitationsOfNetwork(networkId: number): Promise<InvitationRecord[]> {
    return (await this.invitations()
      .where('v.network_id', networkId)
      .orderBy('v.invited_at')) as InvitationRecord[];
  }

  /** The invitation a city has from the network with this slug. */
  async findInvitationBySlugs(
    networkSlug: string,
    cityId: number,
  ): Promise<InvitationRecord | undefined> {
    const rows = (await this.invitations().where({
      'n.slug': networkSlug,
      'v.city_id': cityId,
    })) as InvitationRecord[];
    return rows[0];
  }

  async putInvitation(fields: {
    networkId: number;
    cityId: number;
    role: 'lead_partner' | 'partner';
    invitedBy: number | null;
    invitedByLabel: string;
  }): Promise<void> {
    await this.knex('network_invitations')
      .insert({
        network_id: fields.networkId,
        city_id: fields.cityId,
        role: fields.role,
        invited_by: fields.invitedBy,
        invited_by_label: fields.invitedByLabel,
      })
      .onConflict(['network_id', 'city_id'])
      .merge(['role', 'invited_by', 'invited_by_label', 'invited_at']);
  }

  async deleteInvitation(networkId: number, cityId: number): Promise<boolean> {
    const count = await this.knex('network_invitations')
      .where({ network_id: networkId, city_id: cityId })
      .del();
    return count === 1;
  }

  private invitations(): Knex.QueryBuilder {
    return this.knex('network_invitations as v')
      .join('networks as n', 'n.id', 'v.network_id')
      .join('cities as c', 'c.id', 'v.city_id')
      .select(
        'v.network_id as networkId',
        'n.slug as networkSlug',
        'n.name as networkName',
        'v.city_id as cityId',
        'c.slug as citySlug',
        'c.name as cityName',
        'v.role',
        'v.invited_by_label as invitedBy',
        'v.invited_at as invitedAt',
      );
  }
}

/** A pending invitation of a city into a network. */
export interface InvitationRecord {
  networkId: number;
  networkSlug: string;
  networkName: string;
  cityId: number;
  citySlug: string;
  cityName: string;
  role: 'lead_partner' | 'partner';
  invitedBy: string;
  invitedAt: Date;
}
