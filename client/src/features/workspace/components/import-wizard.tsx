import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/ui/table-scroll';
import { ApiError } from '../../../lib/api-client';
import {
  runImport,
  type ImportReport,
  type Observation,
  type WorkspaceIndicator,
} from '../api/workspace-api';
import { csvLine, downloadText, errorRowsCsv, toTextCell } from '../utils/csv';
import { cellKey } from '../utils/grid-model';

/**
 * Import in three steps: choose a file or paste cells from a spreadsheet,
 * read the dry-run report (nothing written; error rows downloadable), then
 * commit. All or nothing: a file with one bad row writes nothing.
 */
export function ImportWizard(props: {
  city: string;
  indicators: readonly WorkspaceIndicator[];
  values: ReadonlyMap<string, Observation>;
  years: readonly number[];
  onImported: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const template = () => {
    let csv = csvLine(['city', 'indicator', 'year', 'value', 'status', 'source', 'note']);
    for (const indicator of props.indicators)
      for (const year of props.years) {
        const v = props.values.get(cellKey(indicator.slug, year));
        csv += csvLine([
          props.city,
          indicator.slug,
          String(year),
          v === undefined ? '' : String(v.value),
          v?.status ?? '',
          toTextCell(v?.source ?? ''),
          toTextCell(v?.note ?? ''),
        ]);
      }
    downloadText(`${props.city}-template.csv`, csv);
  };

  const check = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setReport(await runImport(text, { dryRun: true, fileName }));
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
      const result = await runImport(text, { dryRun: false, fileName });
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
      <p>
        <button type="button" className="button" onClick={template}>
          {t('workspace.import.template')}
        </button>
      </p>
      <ol className="steps">
        <li>
          <label>
            {t('workspace.import.file')}
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file === undefined) return;
                setFileName(file.name);
                setReport(null);
                setDone(null);
                void file.text().then(setText);
              }}
            />
          </label>
          <label>
            {t('workspace.import.paste')}
            <textarea
              rows={8}
              value={text}
              spellCheck={false}
              onChange={(e) => {
                setText(e.target.value);
                setReport(null);
                setDone(null);
              }}
              placeholder={
                'city,indicator,year,value\n' +
                `${props.city},${props.indicators[0]?.slug ?? 'indicator'},${props.years[props.years.length - 1] ?? 2025},12.5`
              }
            />
          </label>
        </li>
        <li>
          <button
            type="button"
            className="button"
            disabled={busy || text.trim() === ''}
            onClick={() => void check()}
          >
            {t('workspace.import.check')}
          </button>
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
              <dt>{t('workspace.import.errors')}</dt>
              <dd>{report.errorCount}</dd>
            </div>
            <div>
              <dt>{t('workspace.import.flagged')}</dt>
              <dd>{report.flaggedCount}</dd>
            </div>
          </dl>
          {report.errorCount > 0 && (
            <>
              <p role="alert">{t('workspace.import.hasErrors', { count: report.errorCount })}</p>
              <TableScroll label={t('workspace.import.errors')}>
                <table data-testid="import-errors">
                  <thead>
                    <tr>
                      <th scope="col">{t('workspace.import.row')}</th>
                      <th scope="col">{t('workspace.import.column')}</th>
                      <th scope="col">{t('workspace.import.value')}</th>
                      <th scope="col">{t('workspace.import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.map((e, i) => (
                      <tr key={i}>
                        <td>{e.row}</td>
                        <td>{e.column ?? ''}</td>
                        <td>{e.value ?? ''}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <button
                type="button"
                className="button"
                onClick={() =>
                  downloadText(
                    `${fileName?.replace(/\.[a-z]+$/i, '') ?? props.city}-errors.csv`,
                    errorRowsCsv(text, report.errors),
                  )
                }
              >
                {t('workspace.import.downloadErrors')}
              </button>
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
            <button type="button" className="button" disabled={busy} onClick={() => void commit()}>
              {t('workspace.import.commit', { count: report.toInsert + report.toUpdate })}
            </button>
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
