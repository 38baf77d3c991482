import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/src/config';

/** Configuration for tests and in-process benchmarks: quiet, no demo seeding, no built client unless asked. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      CLIENT_DIR: path.join(os.tmpdir(), 'sdgcm-no-client'),
      ...env,
    },
    process.cwd(),
    false,
  );
}
