import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../server/src/db/data-dir-lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdgcm-lock-'));
const lockPath = path.join(dir, 'pglite.lock');

afterEach(() => fs.rmSync(lockPath, { force: true }));

describe('lockDataDir', () => {
  it('takes the lock, and releases it', () => {
    const release = lockDataDir(lockPath);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('refuses a data directory held by another live process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(lockPath, String(other.pid));
      expect(() => lockDataDir(lockPath)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(lockPath)).toThrow(/in use by another SDG City Monitor process/);
    } finally {
      other.kill();
    }
  });

  it('replaces a stale lock left by a crashed process', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    fs.writeFileSync(lockPath, String(gone.pid));
    const release = lockDataDir(lockPath);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
  });
});
