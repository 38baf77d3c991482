import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, Input, Select, TextArea } from '../../../components/ui/form-field';
import { TableScroll } from '../../../components/ui/table-scroll';
import { ApiError } from '../../../lib/api-client';
import { formatInteger, formatStored } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { describeSeries } from '../../../lib/series';
import {
  runImport,
  type ImportReport,
  type ImportTarget,
  type Observation,
  type WorkspaceIndicator,
} from '../api/workspace-api';
import { downloadText, errorRowsCsv } from '../utils/csv';
import { cellKey } from '../utils/grid-model';
import { wideTemplate } from '../utils/wide-template';

type Kind = ImportTarget['kind'];
const KINDS: readonly Kind[] = ['auto', 'opensdg', 'eurostat'];

const FORMAT_KEY: Record<ImportReport['format'], string> = {
  long: 'workspace.import.formats.long',
  wide: 'workspace.import.formats.wide',
  opensdg: 'workspace.import.formats.opensdg',
  'eurostat-tsv': 'workspace.import.formats.eurostatTsv',
  'eurostat-sdmx': 'workspace.import.formats.eurostatSdmx',
};

const ALSO_KEY: Record<ImportReport['changes'][number]['also'][number], string> = {
  status: 'workspace.import.alsoFields.status',
  source: 'workspace.import.alsoFields.source',
  note: 'workspace.import.alsoFields.note',
  flags: 'workspace.import.alsoFields.flags',
};

const KIND_KEY: Record<Kind, { label: string; hint: string }> = {
  auto: { label: 'workspace.import.kinds.auto', hint: 'workspace.import.kinds.autoHint' },
  opensdg: { label: 'workspace.import.kinds.opensdg', hint: 'workspace.import.kinds.opensdgHint' },
  eurostat: {
    label: 'workspace.import.kinds.eurostat',
    hint: 'workspace.import.kinds.eurostatHint',
  },
};

/**
 * Import in three steps: say what kind of file it is (a table of values, an
 * Open SDG file for one indicator, a Eurostat file for a network), choose a
 * file or paste cells from a spreadsheet, read the dry-run report (the format
 * read, the series found, warnings, rows left out and why, errors with the
 * rows downloadable; nothing written), then commit. All or nothing: a file
 * with one bad row writes nothing.
 */
export function ImportWizard(props: {
  city: string;
  indicators: readonly WorkspaceIndicator[];
  values: ReadonlyMap<string, Observation>;
  years: readonly number[];
  /** The city's networks (a Eurostat file is imported for one of them). */
  networks?: ReadonlyArray<{ slug: string; name: string }>;
  /** The workspace's network, chosen first. */
  network?: string;
  onImported: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const networks = props.networks ?? [];
  const [kind, setKind] = useState<Kind>('auto');
  const [indicator, setIndicator] = useState(props.indicators[0]?.slug ?? '');
  const [cityCode, setCityCode] = useState(props.city);
  const [network, setNetwork] = useState(props.network ?? networks[0]?.slug ?? '');
  const [dataset, setDataset] = useState('');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lang = useLanguage();
  const fileInput = useRef<HTMLInputElement>(null);

  // Wide like the grid: one line per indicator, one column per year, the stored values filled in.
  const template = () =>
    downloadText(
      `${props.city}-template.csv`,
      wideTemplate(
        props.city,
        props.indicators,
        props.years,
        (slug, year) => props.values.get(cellKey(slug, year))?.value,
      ),
    );

  const target: ImportTarget =
    kind === 'opensdg'
      ? { kind, indicator, city: cityCode.trim() }
      : kind === 'eurostat'
        ? { kind, network, dataset: dataset.trim() }
        : { kind: 'auto', city: props.city };
  const ready =
    text.trim() !== '' &&
    (kind !== 'opensdg' || (indicator !== '' && cityCode.trim() !== '')) &&
    (kind !== 'eurostat' || network !== '');
  // Another target makes the last report stale.
  const retarget =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setReport(null);
      setDone(null);
    };
  const indicatorOf = (slug: string) => props.indicators.find((i) => i.slug === slug);
  const nameOf = (slug: string): string => indicatorOf(slug)?.name ?? slug;
  const stored = (slug: string, value: number): string =>
    formatStored(value, lang, indicatorOf(slug)?.decimals ?? 0);

  const check = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setReport(await runImport(text, { dryRun: true, fileName, target }));
    } catch (err) {
      setReport(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await runImport(text, { dryRun: false, fileName, target });
      setDone(result);
      setReport(null);
      props.onImported();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'import_rejected')
        setReport(err.details as ImportReport);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-wizard">
      <p>{t('workspace.import.intro')}</p>
      <p>{t('workspace.import.introTemplate')}</p>
      <p>
        <Button variant="secondary" onClick={template}>
          {t('workspace.import.template')}
        </Button>
      </p>
      <ol className="steps">
        <li>
          <fieldset className="segmented segmented--stacked import-kind">
            <legend>{t('workspace.import.kindLegend')}</legend>
            {KINDS.filter((k) => k !== 'eurostat' || networks.length > 0).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={k}
                  checked={kind === k}
                  aria-describedby={`${id}-${k}-hint`}
                  onChange={() => retarget(setKind)(k)}
                />
                <span>
                  {t(KIND_KEY[k].label)}
                  <span id={`${id}-${k}-hint`} className="field__hint">
                    {t(KIND_KEY[k].hint)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {kind === 'opensdg' && (
            <div className="import-options">
              <Field label={t('workspace.import.indicator')}>
                <Select value={indicator} onChange={(e) => retarget(setIndicator)(e.target.value)}>
                  {props.indicators.map((i) => (
                    <option key={i.slug} value={i.slug}>
                      {i.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <div>
                <Field label={t('workspace.import.city')}>
                  <Input
                    value={cityCode}
                    maxLength={64}
                    spellCheck={false}
                    aria-describedby={`${id}-city-hint`}
                    onChange={(e) => retarget(setCityCode)(e.target.value)}
                  />
                </Field>
                <span id={`${id}-city-hint`} className="field__hint">
                  {t('workspace.import.cityHint')}
                </span>
              </div>
            </div>
          )}
          {kind === 'eurostat' && (
            <div className="import-options">
              <Field label={t('workspace.network')}>
                <Select value={network} onChange={(e) => retarget(setNetwork)(e.target.value)}>
                  {networks.map((n) => (
                    <option key={n.slug} value={n.slug}>
                      {n.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <div>
                <Field label={t('workspace.import.dataset')}>
                  <Input
                    value={dataset}
                    maxLength={40}
                    spellCheck={false}
                    placeholder="urb_percep"
                    aria-describedby={`${id}-dataset-hint`}
                    onChange={(e) => retarget(setDataset)(e.target.value)}
                  />
                </Field>
                <span id={`${id}-dataset-hint`} className="field__hint">
                  {t('workspace.import.datasetHint')}
                </span>
              </div>
            </div>
          )}
        </li>
        <li>
          <Field label={t('workspace.import.file')}>
            <Input
              ref={fileInput}
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              aria-describedby={fileName === undefined ? undefined : `${id}-from-file`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file === undefined) return;
                setFileName(file.name);
                setReport(null);
                setDone(null);
                void file.text().then(setText);
              }}
            />
          </Field>
          {fileName !== undefined && (
            <p id={`${id}-from-file`} className="field__hint" data-testid="import-from-file">
              {t('workspace.import.fromFile', { name: fileName })}
            </p>
          )}
          <Field label={t('workspace.import.paste')} wide>
            <TextArea
              className="textarea--code"
              rows={8}
              value={text}
              spellCheck={false}
              onChange={(e) => {
                setText(e.target.value);
                setReport(null);
                setDone(null);
                // Edited text is no longer the file: the import must not say it came from it.
                if (fileName !== undefined) {
                  setFileName(undefined);
                  if (fileInput.current !== null) fileInput.current.value = '';
                }
              }}
              placeholder={
                'city,indicator,year,value\n' +
                `${props.city},${props.indicators[0]?.slug ?? 'indicator'},${props.years[props.years.length - 1] ?? 2025},12.5`
              }
            />
          </Field>
        </li>
        <li>
          <Button disabled={busy || !ready} onClick={() => void check()}>
            {t('workspace.import.check')}
          </Button>
        </li>
      </ol>
      {error !== null && (
        <p role="alert" className="field-error" data-testid="import-error">
          {error}
        </p>
      )}
      {report !== null && (
        <section aria-labelledby="dry-run-title" data-testid="import-report">
          <h3 id="dry-run-title">
            {report.committed
              ? t('workspace.import.committedTitle')
              : t('workspace.import.reportTitle')}
          </h3>
          <p data-testid="import-format">
            {t('workspace.import.format', { format: t(FORMAT_KEY[report.format]) })}
          </p>
          <dl className="counts">
            <div>
              <dt>{t('workspace.import.toInsert')}</dt>
              <dd>{report.toInsert}</dd>
            </div>
            <div>
              <dt>{t('workspace.import.toUpdate')}</dt>
              <dd>{report.toUpdate}</dd>
            </div>
            <div>
              <dt>{t('workspace.import.unchanged')}</dt>
              <dd>{report.unchanged}</dd>
            </div>
            <div>
              <dt>{t('workspace.import.skipped')}</dt>
              <dd>{report.skipped}</dd>
            </div>
            <div>
              <dt>{t('workspace.import.errors')}</dt>
              <dd>{report.errorCount}</dd>
            </div>
            <div>
              <dt>{t('workspace.import.flagged')}</dt>
              <dd>{report.flaggedCount}</dd>
            </div>
          </dl>
          {report.warnings.length > 0 && (
            <div className="notice notice-warning" data-testid="import-warnings">
              <h4>{t('workspace.import.warnings')}</h4>
              <ul>
                {report.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          {report.changes.length > 0 && (
            <section aria-labelledby={`${id}-changes`} data-testid="import-changes">
              <h4 id={`${id}-changes`}>
                {t('workspace.import.changesHeading', {
                  count: report.toInsert + report.toUpdate,
                  n: formatInteger(report.toInsert + report.toUpdate, lang),
                })}
              </h4>
              {report.changesTruncated && (
                <p className="muted small" data-testid="import-changes-truncated">
                  {t('workspace.import.changesTruncated', {
                    shown: formatInteger(report.changes.length, lang),
                    n: formatInteger(report.toInsert + report.toUpdate, lang),
                  })}
                </p>
              )}
              <TableScroll label={t('workspace.import.changesCaption')}>
                <table className="table table--compact table--data">
                  <caption className="visually-hidden">
                    {t('workspace.import.changesCaption')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('workspace.ambition.indicator')}</th>
                      <th scope="col" className="num">
                        {t('workspace.import.year')}
                      </th>
                      <th scope="col" className="num">
                        {t('workspace.import.oldToNew')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.changes.map((c) => {
                      const series = describeSeries(c.series);
                      return (
                        <tr
                          key={`${c.row}|${c.city}|${c.indicator}|${c.year}|${JSON.stringify(c.series)}`}
                        >
                          <th scope="row">
                            {nameOf(c.indicator)}
                            {series !== '' && <span className="muted"> · {series}</span>}
                            {c.city !== props.city && <span className="muted"> · {c.city}</span>}
                          </th>
                          <td className="num">{c.year}</td>
                          <td className="num import-change" data-testid="import-change">
                            {c.oldValue === null ? (
                              <>
                                <span className="muted">{t('workspace.import.none')}</span> →{' '}
                                {stored(c.indicator, c.newValue)}
                              </>
                            ) : (
                              `${stored(c.indicator, c.oldValue)} → ${stored(c.indicator, c.newValue)}`
                            )}
                            {c.also.length > 0 && (
                              <span className="muted small">
                                {' '}
                                (
                                {t('workspace.import.alsoChanges', {
                                  what: c.also.map((a) => t(ALSO_KEY[a])).join(', '),
                                })}
                                )
                              </span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          )}
          {report.skippedReasons.length > 0 && (
            <div data-testid="import-skipped">
              <h4>{t('workspace.import.skippedHeading', { count: report.skipped })}</h4>
              <ul>
                {report.skippedReasons.map((r) => (
                  <li key={r.reason}>
                    {t('workspace.import.skippedReason', { reason: r.reason, count: r.count })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {report.series.length > 0 && (
            <TableScroll label={t('workspace.import.seriesCaption')}>
              <table className="table table--compact table--data" data-testid="import-series">
                <caption>{t('workspace.import.seriesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('workspace.ambition.indicator')}</th>
                    <th scope="col">{t('series.label')}</th>
                    <th scope="col" className="num">
                      {t('workspace.import.values')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.series.map((s) => (
                    <tr key={`${s.indicator}|${JSON.stringify(s.series)}`}>
                      <th scope="row">{nameOf(s.indicator)}</th>
                      <td>{describeSeries(s.series) || t('series.headline')}</td>
                      <td className="num">{s.values}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {report.errorCount > 0 && (
            <>
              <p role="alert">{t('workspace.import.hasErrors', { count: report.errorCount })}</p>
              {report.errorsTruncated && (
                <p className="muted small">
                  {t('workspace.import.errorsTruncated', { shown: report.errors.length })}
                </p>
              )}
              <TableScroll label={t('workspace.import.errors')}>
                <table className="table table--compact table--data" data-testid="import-errors">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('workspace.import.row')}
                      </th>
                      <th scope="col">{t('workspace.import.column')}</th>
                      <th scope="col">{t('workspace.import.value')}</th>
                      <th scope="col">{t('workspace.import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.map((e, i) => (
                      <tr key={i}>
                        <td className="num">{e.row}</td>
                        <td>{e.column ?? ''}</td>
                        <td>{e.value ?? ''}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Button
                variant="secondary"
                onClick={() =>
                  downloadText(
                    `${fileName?.replace(/\.[a-z]+$/i, '') ?? props.city}-errors.csv`,
                    errorRowsCsv(text, report.errors),
                  )
                }
              >
                {t('workspace.import.downloadErrors')}
              </Button>
            </>
          )}
          {report.flagged.length > 0 && (
            <ul>
              {report.flagged.map((f) => (
                <li key={`${f.row}`}>
                  {t('workspace.import.row')} {f.row}: ⚠ {f.message}
                </li>
              ))}
            </ul>
          )}
          {report.errorCount === 0 && report.toInsert + report.toUpdate > 0 && (
            <Button disabled={busy} onClick={() => void commit()}>
              {t('workspace.import.commit', { count: report.toInsert + report.toUpdate })}
            </Button>
          )}
          {report.errorCount === 0 && report.toInsert + report.toUpdate === 0 && (
            <p>{t('workspace.import.nothing')}</p>
          )}
        </section>
      )}
      {done !== null && (
        <p role="status" className="notice" data-testid="import-done">
          {t('workspace.import.done', {
            inserted: done.toInsert,
            updated: done.toUpdate,
            unchanged: done.unchanged,
          })}
        </p>
      )}
    </div>
  );
}
