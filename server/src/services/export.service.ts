import { type Principal, readParts, seesDrafts } from '../auth/principal';
import { Readable } from 'node:stream';
import { csvLine, toTextCell } from '../domain/csv';
import { exportRowKey, type ObservationKey } from '../repositories/observation.repository';
import type { UnitOfWork } from '../repositories/unit-of-work';
import type { AccessService } from './access.service';
import { requireCity, requireNetwork } from './lookup';

/** The long format: one value per line; `series` is the breakdown as JSON (empty for the headline). */
export const EXPORT_HEADER = [
  'city',
  'indicator',
  'series',
  'year',
  'value',
  'status',
  'flags',
  'source',
  'note',
] as const;
const PAGE = 5000;

export interface CsvExport {
  fileName: string;
  stream: Readable;
}

/**
 * Observations as CSV in the import's long format, streamed page by page
 * (keyset pagination), so an export of any size uses little memory and
 * re-importing it changes nothing.
 */
export class ExportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /** A network's values: all of them for its members, the approved ones for others. */
  async network(
    principal: Principal,
    slug: string,
    options: { drafts?: boolean | undefined } = {},
  ): Promise<CsvExport> {
    await this.access.check(this.uow.repos, principal, 'network.read', { network: slug });
    const scope = await this.access.scopeOf(principal);
    const network = await requireNetwork(this.uow.repos, slug);
    return {
      fileName: `${network.slug}-observations.csv`,
      stream: this.stream([
        {
          filter: { networkId: network.id },
          published: options.drafts === false || !seesDrafts(scope, network.id),
        },
      ]),
    };
  }

  /** A city's values in the networks the reader may see (drafts for members, else approved). */
  async city(
    principal: Principal,
    slug: string,
    options: { drafts?: boolean | undefined } = {},
  ): Promise<CsvExport> {
    await this.access.check(this.uow.repos, principal, 'city.read', { city: slug });
    const scope = await this.access.scopeOf(principal);
    const city = await requireCity(this.uow.repos, slug);
    return {
      fileName: `${city.slug}-observations.csv`,
      stream: this.stream(
        readParts(scope).map((part) => ({
          filter: { cityId: city.id, networkIds: part.networkIds },
          // The parts cover every readable network: approved values of all of them on request.
          published: part.published || options.drafts === false,
        })),
      ),
    };
  }

  private stream(
    parts: ReadonlyArray<{
      filter: { cityId?: number; networkId?: number; networkIds?: readonly number[] };
      published: boolean;
    }>,
  ): Readable {
    const { repos } = this.uow;
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(EXPORT_HEADER);
      for (const { filter, published } of parts) yield* part(filter, published);
    }
    async function* part(
      filter: { cityId?: number; networkId?: number; networkIds?: readonly number[] },
      published: boolean,
    ): AsyncGenerator<string> {
      let after: ObservationKey | null = null;
      for (;;) {
        const rows = await repos.observations.exportPage(filter, after, PAGE, published);
        if (rows.length === 0) return;
        let chunk = '';
        for (const r of rows) {
          chunk += csvLine([
            r.city,
            r.indicator,
            r.series,
            String(r.year),
            String(r.value),
            r.status,
            r.value_flags,
            toTextCell(r.source ?? ''),
            toTextCell(r.note ?? ''),
          ]);
        }
        yield chunk;
        after = exportRowKey(rows[rows.length - 1]!);
        if (rows.length < PAGE) return;
      }
    }
    return Readable.from(lines());
  }
}
