import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../errors';

/**
 * An Open SDG data repository as a zip (GitHub's "Download ZIP" of
 * open-sdg-data-starter and its forks): `data/indicator_<id>.csv` files and
 * their metadata in `meta/<id>.md` (YAML front matter) and/or
 * `indicator-config/<id>.yml`, anywhere below a top folder. Everything else
 * (the site's translations, scripts, tests) is ignored.
 *
 * The zip is read as a stream of entries with every size counted as it is
 * inflated: an entry larger than a CSV import may be, or a total beyond
 * `maxTotalBytes`, stops reading (a "zip bomb" declares small sizes and
 * inflates to gigabytes).
 */

export interface RepositoryFiles {
  /** Indicator id → its data file. */
  readonly data: Map<string, { path: string; bytes: Uint8Array }>;
  /** Indicator id → its metadata (meta/ first, indicator-config/ over it). */
  readonly meta: Map<string, Record<string, unknown>>;
  /** Metadata that could not be read, by path (the indicator still imports). */
  readonly metaProblems: Array<{ path: string; message: string }>;
  /** Entries of the zip that are neither data nor metadata. */
  readonly ignored: number;
}

export interface ZipLimits {
  /** Largest inflated entry (a data file is held to the CSV import's limit). */
  readonly maxEntryBytes: number;
  /** Largest total of the entries read. */
  readonly maxTotalBytes: number;
  /** Most data files. */
  readonly maxFiles: number;
}

const DATA = /(?:^|\/)data\/indicator_([A-Za-z0-9][A-Za-z0-9._-]{0,60})\.csv$/;
const META_MD = /(?:^|\/)meta\/([A-Za-z0-9][A-Za-z0-9._-]{0,60})\.md$/;
const META_YML = /(?:^|\/)indicator-config\/([A-Za-z0-9][A-Za-z0-9._-]{0,60})\.ya?ml$/;
const MAX_META_BYTES = 1_048_576;

/** An Open SDG indicator id as the app keeps it: "11-1-1-c" (lower case, dashes). */
export function openSdgId(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function tooLarge(message: string): AppError {
  return new AppError('payload_too_large', message);
}

/** Reads the data and metadata files of a repository zip. Throws 400 for a file that is no zip. */
export function readRepositoryZip(zip: Uint8Array, limits: ZipLimits): RepositoryFiles {
  if (zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b)
    throw new AppError(
      'bad_request',
      'This is not a zip file. Upload the zip of an Open SDG data repository (e.g. GitHub’s “Download ZIP”).',
    );
  const state: ZipReading = {
    data: new Map(),
    metaText: new Map(),
    total: 0,
    ignored: 0,
    failure: null,
  };
  const unzip = new Unzip((file: UnzipFile) => readEntry(file, state, limits));
  unzip.register(UnzipInflate);
  try {
    // Pushed in slices so that a failure stops the reading early.
    for (let at = 0; at < zip.length && state.failure === null; at += 1_048_576)
      unzip.push(
        zip.subarray(at, Math.min(zip.length, at + 1_048_576)),
        at + 1_048_576 >= zip.length,
      );
  } catch (err) {
    if (state.failure === null)
      state.failure = new AppError(
        'bad_request',
        `The zip file cannot be read (${err instanceof Error ? err.message : String(err)}).`,
      );
  }
  if (state.failure !== null) throw state.failure;
  return { data: state.data, ...mergeMeta(state.metaText), ignored: state.ignored };
}

/** What reading a zip has found so far; the first failure stops it. */
interface ZipReading {
  readonly data: Map<string, { path: string; bytes: Uint8Array }>;
  readonly metaText: Map<string, Array<{ path: string; text: string; kind: 'md' | 'yml' }>>;
  /** Bytes inflated so far, all entries together. */
  total: number;
  ignored: number;
  failure: Error | null;
}

/** One entry of the zip: ignored, or inflated (every chunk counted against the limits) and kept. */
function readEntry(file: UnzipFile, state: ZipReading, limits: ZipLimits): void {
  if (state.failure !== null) return;
  const path = file.name.replace(/\\/g, '/');
  if (path.endsWith('/')) return;
  const wanted = path.split('/').some((part) => part === '..' || part === '__MACOSX')
    ? null
    : classify(path);
  if (wanted === null) {
    state.ignored++;
    return;
  }
  if (wanted.kind === 'data' && !state.data.has(wanted.id) && state.data.size >= limits.maxFiles) {
    state.failure = tooLarge(`The repository has more than ${limits.maxFiles} data files.`);
    return;
  }
  const limit = wanted.kind === 'data' ? limits.maxEntryBytes : MAX_META_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  file.ondata = (err, chunk, final) => {
    if (state.failure !== null) return;
    if (err !== null) {
      state.failure = new AppError(
        'bad_request',
        `The zip entry ${path} cannot be read (${err.message}).`,
      );
      return;
    }
    size += chunk.length;
    state.total += chunk.length;
    if (size > limit) {
      state.failure = tooLarge(
        `${path} is larger than the ${Math.round(limit / 1_048_576)} MB a file may be.`,
      );
      file.terminate();
      return;
    }
    if (state.total > limits.maxTotalBytes) {
      state.failure = tooLarge(
        `The repository's files add up to more than ${Math.round(limits.maxTotalBytes / 1_048_576)} MB.`,
      );
      file.terminate();
      return;
    }
    chunks.push(chunk);
    if (final) keepEntry(state, wanted, path, concat(chunks, size));
  };
  file.start();
}

/** A whole entry: a data file (one per indicator) or a metadata text. */
function keepEntry(
  state: ZipReading,
  wanted: { kind: 'data' | 'md' | 'yml'; id: string },
  path: string,
  bytes: Uint8Array,
): void {
  if (wanted.kind === 'data') {
    if (state.data.has(wanted.id))
      state.failure = new AppError(
        'bad_request',
        `The zip has two data files for indicator ${wanted.id} (${state.data.get(wanted.id)!.path} and ${path}).`,
      );
    else state.data.set(wanted.id, { path, bytes });
  } else {
    const list = state.metaText.get(wanted.id) ?? [];
    list.push({ path, text: new TextDecoder().decode(bytes), kind: wanted.kind });
    state.metaText.set(wanted.id, list);
  }
}

/** Each indicator's metadata texts read and merged; the ones that cannot be read are listed. */
function mergeMeta(
  metaText: ReadonlyMap<string, Array<{ path: string; text: string; kind: 'md' | 'yml' }>>,
): Pick<RepositoryFiles, 'meta' | 'metaProblems'> {
  const meta = new Map<string, Record<string, unknown>>();
  const metaProblems: Array<{ path: string; message: string }> = [];
  for (const [id, files] of metaText) {
    // meta/<id>.md first, indicator-config/<id>.yml over it (as sdg-build merges them).
    files.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'md' ? -1 : 1));
    const merged: Record<string, unknown> = {};
    for (const file of files) {
      try {
        Object.assign(merged, parseMeta(file.text, file.kind));
      } catch (err) {
        metaProblems.push({
          path: file.path,
          message: `Its metadata cannot be read: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        });
      }
    }
    meta.set(id, merged);
  }
  return { meta, metaProblems };
}

function classify(path: string): { kind: 'data' | 'md' | 'yml'; id: string } | null {
  const data = DATA.exec(path);
  if (data !== null) return { kind: 'data', id: openSdgId(data[1]!) };
  const md = META_MD.exec(path);
  if (md !== null) return { kind: 'md', id: openSdgId(md[1]!) };
  const yml = META_YML.exec(path);
  if (yml !== null) return { kind: 'yml', id: openSdgId(yml[1]!) };
  return null;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The YAML of a metadata file: a .md file's front matter (between --- lines), a .yml file whole. */
export function parseMeta(text: string, kind: 'md' | 'yml'): Record<string, unknown> {
  let yaml = text.replace(/^\uFEFF/, '');
  if (kind === 'md') {
    const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(yaml);
    if (match === null) return {};
    yaml = match[1]!;
  }
  const parsed: unknown = parseYaml(yaml, { maxAliasCount: 50, uniqueKeys: false });
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('it is not a list of settings.');
  return parsed as Record<string, unknown>;
}
