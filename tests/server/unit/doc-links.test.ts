import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('links from the code to docs/', () => {
  it('point at headings that exist (no section numbers that drift)', () => {
    const anchors = new Map<string, Set<string>>();
    const missing: string[] = [];
    for (const file of [
      ...files(path.join(root, 'server/src')),
      ...files(path.join(root, 'client/src')),
    ]) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/METHODOLOGY §/);
      for (const match of text.matchAll(/docs\/([\w-]+\.md)#([\w-]+)/g)) {
        const doc = match[1]!;
        if (!anchors.has(doc))
          anchors.set(
            doc,
            new Set(
              fs
                .readFileSync(path.join(root, 'docs', doc), 'utf8')
                .split('\n')
                .filter((l) => l.startsWith('#'))
                .map((l) => anchorOf(l.replace(/^#+/, ''))),
            ),
          );
        if (!anchors.get(doc)!.has(match[2]!))
          missing.push(`${path.relative(root, file)}: ${match[0]}`);
      }
    }
    expect(missing).toEqual([]);
    expect(anchors.size).toBeGreaterThan(0);
  });
});
