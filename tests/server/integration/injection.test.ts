import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * SQL metacharacters and script payloads in every free-text field are stored
 * and returned verbatim (queries are parameterised; nothing is interpreted).
 * The browser test (tests/e2e/security.e2e.test.ts) shows them escaped.
 */
const PAYLOADS = [
  `Robert'); DROP TABLE observations; --`,
  `' OR '1'='1`,
  `<script>window.__pwned = 1</script>`,
  `<img src=x onerror="window.__pwned=1">`,
  `"><svg onload=alert(1)>`,
  `\\'; SELECT pg_sleep(5); --`,
  `$1 $$ %s %n {{7*7}} \${7*7}`,
];

let ctx: TestContext;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
});

afterAll(async () => {
  await ctx?.close();
});

describe('hostile text in every string field', () => {
  it.each(PAYLOADS.map((payload, i) => [i, payload] as const))(
    'payload %i is stored and returned verbatim everywhere',
    async (i, text) => {
      const network = await http.post<{ name: string; description: string; citation: string }>(
        '/api/v1/networks',
        {
          slug: `inj-net-${i}`,
          name: text,
          description: text,
          citation: text,
          dataKind: 'published',
        },
      );
      expect(network.status).toBe(201);
      expect(network.body).toMatchObject({ name: text, description: text, citation: text });

      const city = await http.post<{ name: string }>('/api/v1/cities', {
        slug: `inj-city-${i}`,
        name: text,
        countryCode: 'FI',
      });
      expect(city.status).toBe(201);
      expect(city.body.name).toBe(text);
      expect(
        (await http.put(`/api/v1/networks/inj-net-${i}/members/inj-city-${i}`, { role: 'partner' }))
          .status,
      ).toBe(201);

      const unit = text.slice(0, 50);
      const indicator = await http.post<{ name: string; description: string; unit: string }>(
        `/api/v1/networks/inj-net-${i}/indicators`,
        {
          slug: `inj-ind-${i}`,
          name: text,
          description: text,
          unit,
          source: text,
          direction: 'increase',
          sdgLinks: [{ target: '11.6' }],
        },
      );
      expect(indicator.status).toBe(201);
      expect(indicator.body).toMatchObject({ name: text, description: text, unit });

      const base = `/api/v1/cities/inj-city-${i}/indicators/inj-ind-${i}`;
      const observation = await http.put<{ source: string; note: string }>(
        `${base}/observations/2020`,
        { value: 1, source: text, note: text },
      );
      expect(observation.status).toBe(201);
      const read = await http.get<{ source: string; note: string }>(`${base}/observations/2020`);
      expect(read.body).toMatchObject({ source: text, note: text });

      const ambition = await http.put<{ note: string }>(`${base}/ambition`, {
        baselineYear: 2020,
        baselineValue: 1,
        targetYear: 2030,
        targetValue: 2,
        note: text,
      });
      expect(ambition.status).toBe(201);
      expect(ambition.body.note).toBe(text);

      const user = await http.post<{ user: { displayName: string } }>('/api/v1/users', {
        email: `inj${i}@test.example`,
        displayName: text,
      });
      expect(user.status).toBe(201);
      expect(user.body.user.displayName).toBe(text);

      const exported = await http.get(`/api/v1/cities/inj-city-${i}/observations/export`);
      expect(exported.status).toBe(200);
      expect(exported.text).toContain(text.includes('"') ? text.replaceAll('"', '""') : text);

      // Nothing was dropped or rewritten.
      expect(
        Number(((await ctx.db.knex('observations').count('* as n')) as Array<{ n: number }>)[0]!.n),
      ).toBeGreaterThanOrEqual(1);
    },
  );

  it('hostile text in a path or query is a clean 4xx, never a 500', async () => {
    for (const text of PAYLOADS) {
      for (const path of [
        `/api/v1/cities/${encodeURIComponent(text)}`,
        `/api/v1/networks/${encodeURIComponent(text)}/scores`,
        `/api/v1/indicators?target=${encodeURIComponent(text)}`,
        `/api/v1/sdg/goals/1?lang=${encodeURIComponent(text)}`,
      ]) {
        const response = await http.get(path);
        expect({ path, ok: response.status < 500 }).toEqual({ path, ok: true });
      }
    }
  });
});
