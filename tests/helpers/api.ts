import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Knex } from 'knex';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Thin wrapper around app.inject() for JSON APIs. */
export function api(app: FastifyInstance) {
  async function send<T>(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const options: InjectOptions = { method, url, headers: { ...headers } };
    if (payload !== undefined) {
      if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
        options.payload = payload;
      } else {
        options.payload = JSON.stringify(payload);
        (options.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
    }
    const response = await app.inject(options);
    let body: unknown = undefined;
    const type = String(response.headers['content-type'] ?? '');
    if (type.includes('json') && response.body !== '') body = response.json();
    return {
      status: response.statusCode,
      body: body as T,
      headers: response.headers,
      text: response.body,
    };
  }
  return {
    get: <T = unknown>(url: string, headers?: Record<string, string>) =>
      send<T>('GET', url, undefined, headers),
    post: <T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) =>
      send<T>('POST', url, payload, headers),
    put: <T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) =>
      send<T>('PUT', url, payload, headers),
    patch: <T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) =>
      send<T>('PATCH', url, payload, headers),
    delete: <T = unknown>(url: string, headers?: Record<string, string>) =>
      send<T>('DELETE', url, undefined, headers),
    send,
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * A digest of everything users store (not the audit trail's timestamps), to
 * prove that a rejected request changed nothing.
 */
export async function fingerprint(knex: Knex): Promise<Record<string, string>> {
  const digest = async (table: string, columns: string, order: string): Promise<string> => {
    const result = (await knex.raw(
      `select count(*)::int as n, coalesce(md5(string_agg(row(${columns})::text, '|' order by ${order})), '') as h from ${table}`,
    )) as { rows: Array<{ n: number; h: string }> };
    const row = result.rows[0];
    return `${row?.n ?? 0}:${row?.h ?? ''}`;
  };
  return {
    networks: await digest(
      'networks',
      'slug, name, description, is_public, data_kind, citation, licence, version',
      'slug',
    ),
    cities: await digest(
      'cities',
      'slug, name, country_code, population, latitude, longitude, version',
      'slug',
    ),
    members: await digest('network_members', 'network_id, city_id, role', 'network_id, city_id'),
    reviews: await digest(
      'review_periods',
      'network_id, city_id, year, state, version',
      'network_id, city_id, year',
    ),
    reviewComments: await digest(
      'review_comments',
      'network_id, city_id, year, indicator_id, body',
      'network_id, city_id, year, body',
    ),
    published: await digest(
      'published_observations',
      'city_id, indicator_id, year, value, status, source, note',
      'city_id, indicator_id, year',
    ),
    indicators: await digest(
      'indicators',
      'slug, name, unit, direction, best_bound, worst_bound, allowed_min, allowed_max, archived_at, version',
      'slug',
    ),
    links: await digest(
      'indicator_sdg_links',
      'indicator_id, sdg_target, sdg_indicator',
      'indicator_id, sdg_target, sdg_indicator',
    ),
    ambitions: await digest(
      'ambitions',
      'city_id, indicator_id, baseline_year, baseline_value, target_year, target_value, note, version',
      'city_id, indicator_id',
    ),
    observations: await digest(
      'observations',
      'city_id, indicator_id, year, value, status, source, note, flag, version',
      'city_id, indicator_id, year',
    ),
    audit: await digest('audit_events', 'id', 'id'),
    imports: await digest('imports', 'id', 'id'),
    users: await digest('users', 'email, display_name, password_hash, is_disabled', 'email'),
    grants: await digest(
      'role_grants',
      'user_id, role, network_id, city_id',
      'user_id, role, network_id, city_id',
    ),
    tokens: await digest('user_tokens', 'token_hash, used_at', 'token_hash'),
  };
}
