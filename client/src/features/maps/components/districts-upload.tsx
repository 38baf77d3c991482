import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { ApiError } from '../../../lib/api-client';
import { formatInteger } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import {
  deleteDistricts,
  mapKeys,
  uploadDistricts,
  useCityDistricts,
  type CityDistricts,
} from '../api/maps-api';
import { readGeoJsonFile, type GeoJsonFileInfo } from '../utils/geojson-file';
import { MapSlot } from './map-frame';
import { LazyDistrictMap } from './lazy-maps';

interface Problem {
  message: string;
  details: string[];
}

function problemOf(err: unknown, fallback: string): Problem {
  if (!(err instanceof ApiError)) return { message: fallback, details: [] };
  const details = Array.isArray(err.details)
    ? err.details.flatMap((d: unknown) =>
        d !== null &&
        typeof d === 'object' &&
        typeof (d as { message?: unknown }).message === 'string'
          ? [(d as { message: string }).message]
          : [],
      )
    : [];
  return { message: err.message, details };
}

/**
 * The workspace's district boundaries: upload a GeoJSON file (choose which
 * property holds the district codes, as the data's `geocode` has them, and
 * which the names), see every problem the server finds, then a preview and how
 * many districts match the codes in the city's data; replace or remove them.
 */
export function DistrictsUpload({
  city,
  cityName,
  canEdit,
}: {
  city: string;
  cityName: string;
  canEdit: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const client = useQueryClient();
  const current = useCityDistricts(city);
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState('');
  const [info, setInfo] = useState<GeoJsonFileInfo | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [codeProperty, setCodeProperty] = useState('');
  const [nameProperty, setNameProperty] = useState('');
  const [onlyMatching, setOnlyMatching] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);

  if (current.isPending) return <LoadingState lines={4} />;
  if (current.isError)
    return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  const stored = current.data;

  const chooseFile = (file: File): void => {
    setFileName(file.name);
    setProblem(null);
    setDone(null);
    void file.text().then((content) => {
      setText(content);
      const read = readGeoJsonFile(content);
      if (!read.ok) {
        setInfo(null);
        setFileError(t(`maps.upload.fileError.${read.reason}`));
        return;
      }
      setFileError(null);
      setInfo(read.info);
      setCodeProperty(read.info.codeGuess ?? read.info.properties[0] ?? '');
      setNameProperty(read.info.nameGuess ?? '');
    });
  };

  const saved = (result: CityDistricts): void => {
    client.setQueryData(mapKeys.districts(city), result);
    setDone(
      t('maps.upload.done', {
        matched: result.matchedCodes,
        count: result.featureCount,
      }),
    );
  };

  const upload = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      saved(
        await uploadDistricts(
          city,
          text,
          {
            codeProperty,
            nameProperty: nameProperty === '' ? undefined : nameProperty,
            onlyMatching,
          },
          stored?.etag,
        ),
      );
    } catch (err) {
      setProblem(problemOf(err, t('maps.upload.failed')));
      if (err instanceof ApiError && err.status === 412)
        void client.invalidateQueries({ queryKey: mapKeys.districts(city) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (stored === null) return;
    setBusy(true);
    setProblem(null);
    try {
      await deleteDistricts(city, stored.etag);
      client.setQueryData(mapKeys.districts(city), null);
      setDone(t('maps.upload.removed'));
    } catch (err) {
      setProblem(problemOf(err, t('maps.upload.failed')));
      void client.invalidateQueries({ queryKey: mapKeys.districts(city) });
    } finally {
      setBusy(false);
      setConfirmRemove(false);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="districts-upload"
      data-testid="districts-upload"
    >
      <h2 id={`${id}-heading`}>{t('maps.upload.heading')}</h2>
      <p className="muted small">{t('maps.upload.intro')}</p>

      {stored === null ? (
        <p data-testid="districts-none">{t('maps.upload.none', { city: cityName })}</p>
      ) : (
        <div data-testid="districts-current">
          <p>
            <strong data-testid="districts-match">
              {t('maps.upload.match', { matched: stored.matchedCodes, count: stored.featureCount })}
            </strong>{' '}
            <span className="muted small">
              {t('maps.upload.stored', {
                codeProperty: stored.codeProperty,
                size: formatInteger(Math.round(stored.storedBytes / 1024), lang),
                version: stored.version,
              })}
            </span>
          </p>
          {stored.dataCodesWithoutBoundary.length > 0 && (
            <p className="small">
              {t('maps.upload.withoutBoundary', {
                codes: stored.dataCodesWithoutBoundary.join(', '),
              })}
            </p>
          )}
          <MapSlot height={260}>
            <LazyDistrictMap
              features={stored.geojson.features}
              label={t('maps.upload.previewLabel', { city: cityName })}
              maxHeight={320}
              testId="districts-preview"
              styleOf={(code) => {
                const f = stored.geojson.features.find((x) => x.properties.code === code);
                return {
                  fill: '#bdd7e7',
                  mark: null,
                  markColour: '#111111',
                  description: `${f?.properties.name ?? code} (${code})`,
                };
              }}
            />
          </MapSlot>
        </div>
      )}

      {canEdit && (
        <form
          className="districts-upload__form"
          onSubmit={(event) => {
            event.preventDefault();
            void upload();
          }}
        >
          <h3>
            {stored === null ? t('maps.upload.uploadHeading') : t('maps.upload.replaceHeading')}
          </h3>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('maps.upload.file')}</label>
            <span id={`${id}-file-hint`} className="field__hint">
              {t('maps.upload.fileHint')}
            </span>
            <input
              id={`${id}-file`}
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              aria-describedby={`${id}-file-hint`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file !== undefined) chooseFile(file);
              }}
            />
            {fileError !== null && (
              <span className="field__error" role="alert">
                {fileError}
              </span>
            )}
          </div>
          {info !== null && (
            <>
              <p className="small muted">
                {t('maps.upload.fileRead', { file: fileName, count: info.featureCount })}
              </p>
              <div className="districts-upload__properties">
                <label className="field">
                  <span className="field__label">{t('maps.upload.codeProperty')}</span>
                  <select
                    className="select"
                    value={codeProperty}
                    onChange={(e) => setCodeProperty(e.target.value)}
                  >
                    {info.properties.map((p) => (
                      <option key={p} value={p}>
                        {p} ({info.examples[p]})
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field__label">{t('maps.upload.nameProperty')}</span>
                  <select
                    className="select"
                    value={nameProperty}
                    onChange={(e) => setNameProperty(e.target.value)}
                  >
                    <option value="">{t('maps.upload.noName')}</option>
                    {info.properties.map((p) => (
                      <option key={p} value={p}>
                        {p} ({info.examples[p]})
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <p>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={onlyMatching}
                    onChange={(e) => setOnlyMatching(e.target.checked)}
                  />{' '}
                  {t('maps.upload.onlyMatching')}
                </label>
              </p>
            </>
          )}
          <div className="toolbar">
            <button
              type="submit"
              className="button"
              disabled={busy || info === null || codeProperty === ''}
            >
              {stored === null ? t('maps.upload.submit') : t('maps.upload.replace')}
            </button>
            {stored !== null &&
              (confirmRemove ? (
                <>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void remove()}
                  >
                    {t('maps.upload.confirmRemove')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirmRemove(false)}
                  >
                    {t('maps.upload.cancel')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => setConfirmRemove(true)}
                >
                  {t('maps.upload.remove')}
                </button>
              ))}
          </div>
        </form>
      )}
      {problem !== null && (
        <div className="notice notice--error" role="alert" data-testid="districts-error">
          <p>{problem.message}</p>
          {problem.details.length > 0 && (
            <ul>
              {problem.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {done !== null && (
        <p className="notice" role="status" data-testid="districts-done">
          {done}
        </p>
      )}
    </section>
  );
}
