import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The project runs on Node.js 20 (README, package.json engines, CI, .nvmrc):
 * every package the lockfile installs must accept the oldest Node.js the
 * project promises, so `npm ci` never warns EBADENGINE and nothing needs 22.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

describe('Node.js version', () => {
  it('the oldest Node.js the project declares satisfies every installed package', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    expect(oldest).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range !== undefined && !semver.satisfies(oldest, range) ? [`${name}: ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('.nvmrc and the running Node.js agree with package.json', () => {
    const nvmrc = fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
    expect(semver.satisfies(`${nvmrc}.19.0`, pkg.engines.node)).toBe(true);
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
