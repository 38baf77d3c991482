import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { addVary } from '../../../server/src/plugins/vary';

/** Runs addVary on a real reply that starts with `initial` as its Vary header. */
async function varyAfter(initial: string | undefined, ...calls: string[][]): Promise<string> {
  const app = Fastify();
  app.get('/', (_request, reply) => {
    if (initial !== undefined) void reply.header('vary', initial);
    for (const names of calls) addVary(reply, ...names);
    return 'ok';
  });
  const response = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return String(response.headers.vary ?? '');
}

describe('addVary', () => {
  it('sets the names when there is no Vary yet', async () => {
    expect(await varyAfter(undefined, ['Cookie', 'Authorization'])).toBe('Cookie, Authorization');
  });

  it('adds to what is there, never in its place, and never twice (any case, any spacing)', async () => {
    expect(await varyAfter('Origin', ['Cookie'], ['cookie', 'Accept-Encoding'])).toBe(
      'Origin, Cookie, Accept-Encoding',
    );
    expect(await varyAfter('accept-language ,  COOKIE', ['Cookie', 'Accept-Language'])).toBe(
      'accept-language ,  COOKIE',
    );
  });

  it('a name is matched whole: Accept does not hide Accept-Encoding', async () => {
    expect(await varyAfter('Accept', ['Accept-Encoding'])).toBe('Accept, Accept-Encoding');
    expect(await varyAfter('Accept-Encoding', ['Accept'])).toBe('Accept-Encoding, Accept');
  });

  it('leaves Vary: * alone', async () => {
    expect(await varyAfter('*', ['Cookie'])).toBe('*');
  });
});
