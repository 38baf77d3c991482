import type { Knex } from 'knex';
import * as sdgFramework from '../../../migrations/20261123000100_sdg_framework';
import * as coreModel from '../../../migrations/20261123000200_core_model';
import * as imports from '../../../migrations/20261123000300_imports';
import * as networkDataVersions from '../../../migrations/20261123000400_network_data_versions';
import * as auth from '../../../migrations/20261123000500_auth';
import * as review from '../../../migrations/20261123000600_review';
import * as accessControl from '../../../migrations/20261130000700_access_control';
import * as seriesCodesFlags from '../../../migrations/20261201000800_series_codes_flags';
import * as dataOrigin from '../../../migrations/20261201000900_data_origin';
import * as actionPlans from '../../../migrations/20261202001000_action_plans';
import * as districtBoundaries from '../../../migrations/20261203001100_district_boundaries';
import * as publishedAmbitions from '../../../migrations/20261204001200_published_ambitions';
import * as wideImports from '../../../migrations/20261205001300_wide_imports';
import * as notifications from '../../../migrations/20261206001400_notifications';
import * as changeNotifications from '../../../migrations/20261207001500_change_notifications';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Migrations listed explicitly rather than read from a directory: knex's file
 * loader cannot import TypeScript under vitest, and a list is greppable.
 * Append new migrations here; never edit or reorder landed ones.
 */
export const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['20261123000100_sdg_framework', sdgFramework],
  ['20261123000200_core_model', coreModel],
  ['20261123000300_imports', imports],
  ['20261123000400_network_data_versions', networkDataVersions],
  ['20261123000500_auth', auth],
  ['20261123000600_review', review],
  ['20261130000700_access_control', accessControl],
  ['20261201000800_series_codes_flags', seriesCodesFlags],
  ['20261201000900_data_origin', dataOrigin],
  ['20261202001000_action_plans', actionPlans],
  ['20261203001100_district_boundaries', districtBoundaries],
  ['20261204001200_published_ambitions', publishedAmbitions],
  ['20261205001300_wide_imports', wideImports],
  ['20261206001400_notifications', notifications],
  ['20261207001500_change_notifications', changeNotifications],
];

/** knex MigrationSource over the static list above. */
export const migrationSource: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: ([name]) => name,
  getMigration: ([, migration]) => Promise.resolve(migration),
};

export const migrationConfig: Knex.MigratorConfig = {
  migrationSource,
  tableName: 'knex_migrations',
};
