import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { FormField, SelectField } from '../../../components/ui/form-field';
import { ApiError } from '../../../lib/api-client';
import {
  createAction,
  currentFromConflict,
  updateAction,
  type Action,
  type ActionInput,
  type ActionStatus,
} from '../api/actions-api';
import { parseDecimal, parseTargets } from '../utils/action-plan';
import { ACTION_STATUSES } from './action-badges';
import { ActionCard } from './action-list';
import { EffectPreview } from './effect-preview';

/** An indicator the action can be linked to. */
export interface IndicatorOption {
  slug: string;
  name: string;
  unit: string;
  decimals: number;
}

interface EffectDraft {
  key: number;
  indicator: string;
  effect: string;
  effectYear: string;
  note: string;
  realised: boolean;
}

interface Draft {
  title: string;
  description: string;
  department: string;
  budgetAmount: string;
  budgetCurrency: string;
  startYear: string;
  endYear: string;
  status: ActionStatus;
  targets: string;
  effects: EffectDraft[];
}

let effectKey = 0;

function draftOf(action: Action | null, firstIndicator: string): Draft {
  const year = new Date().getFullYear();
  return {
    title: action?.title ?? '',
    description: action?.description ?? '',
    department: action?.department ?? '',
    budgetAmount: action?.budget === null || action === null ? '' : String(action.budget.amount),
    budgetCurrency: action?.budget?.currency ?? 'EUR',
    startYear: String(action?.startYear ?? year),
    endYear: action?.endYear === null || action === null ? '' : String(action.endYear),
    status: action?.status ?? 'planned',
    targets: action?.targets.join(', ') ?? '',
    effects: (
      action?.effects ?? [
        { indicator: firstIndicator, effect: NaN, effectYear: 2030, note: null, realised: false },
      ]
    ).map((e) => ({
      key: ++effectKey,
      indicator: e.indicator,
      effect: Number.isNaN(e.effect) ? '' : String(e.effect),
      effectYear: String(e.effectYear),
      note: e.note ?? '',
      realised: e.realised,
    })),
  };
}

const isYear = (text: string): boolean => /^\d{4}$/.test(text) && +text >= 1950 && +text <= 2100;

/** An effect row as numbers, once its effect and year are both valid. */
function typedEffect(
  e: EffectDraft,
): { effect: number; effectYear: number; realised: boolean } | null {
  const value = parseDecimal(e.effect);
  return value === null || !isYear(e.effectYear)
    ? null
    : { effect: value, effectYear: Number(e.effectYear), realised: e.realised };
}

type Errors = Partial<Record<string, string>>;

/** The draft as the API's input, or the errors by field id. */
function validate(
  draft: Draft,
  t: (key: string) => string,
): { input: ActionInput | null; errors: Errors } {
  const errors: Errors = {};
  if (draft.title.trim() === '') errors.title = t('actions.form.titleRequired');
  if (!isYear(draft.startYear)) errors.startYear = t('actions.form.badYear');
  if (draft.endYear !== '' && !isYear(draft.endYear)) errors.endYear = t('actions.form.badYear');
  else if (draft.endYear !== '' && +draft.endYear < +draft.startYear)
    errors.endYear = t('actions.form.endBeforeStart');
  const amount = draft.budgetAmount.trim() === '' ? null : parseDecimal(draft.budgetAmount);
  if (amount !== null && amount < 0) errors.budgetAmount = t('actions.form.badAmount');
  if (draft.budgetAmount.trim() !== '' && amount === null)
    errors.budgetAmount = t('actions.form.badAmount');
  if (amount !== null && !/^[A-Z]{3}$/.test(draft.budgetCurrency.trim()))
    errors.budgetCurrency = t('actions.form.badCurrency');
  const targets = parseTargets(draft.targets);
  if (targets === null) errors.targets = t('actions.form.badTargets');
  const seen = new Set<string>();
  const effects = draft.effects.map((e) => {
    const value = parseDecimal(e.effect);
    if (value === null) errors[`effect-${e.key}`] = t('actions.form.badEffect');
    if (!isYear(e.effectYear)) errors[`effectYear-${e.key}`] = t('actions.form.badYear');
    if (seen.has(e.indicator)) errors[`indicator-${e.key}`] = t('actions.form.duplicateIndicator');
    seen.add(e.indicator);
    return {
      indicator: e.indicator,
      effect: value ?? 0,
      effectYear: Number(e.effectYear),
      note: e.note.trim() === '' ? null : e.note.trim(),
      realised: e.realised,
    };
  });
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    errors,
    input: {
      title: draft.title.trim(),
      description: draft.description,
      department: draft.department.trim() === '' ? null : draft.department.trim(),
      budget:
        amount === null ? null : { amount, currency: draft.budgetCurrency.trim().toUpperCase() },
      startYear: Number(draft.startYear),
      endYear: draft.endYear === '' ? null : Number(draft.endYear),
      status: draft.status,
      targets: targets ?? [],
      effects,
    },
  };
}

/**
 * Creates or changes an action: every field of the plan, each linked
 * indicator with its expected effect and a live preview of the projection and
 * remaining gap, in words and on the indicator's action-gap chart. A change someone else made meanwhile (412) is shown, and the
 * officer decides.
 */
export function ActionForm({
  city,
  action,
  indicators,
  progress,
  actions,
  onSaved,
  onCancel,
}: {
  city: string;
  /** null: a new action. */
  action: Action | null;
  indicators: readonly IndicatorOption[];
  /** The city's progress per indicator (members' working copy), for the preview. */
  progress: ReadonlyMap<string, IndicatorProgress>;
  /** The plan's other actions, whose counted effects the preview adds. */
  actions: readonly Action[];
  onSaved: (saved: Action, created: boolean) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(action, indicators[0]?.slug ?? ''));
  const [etag, setEtag] = useState(action?.etag ?? null);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Action | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const { input, errors } = useMemo(() => validate(draft, t), [draft, t]);
  const shown = (key: string): string | undefined => (showErrors ? errors[key] : undefined);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setEffect = (key: number, patch: Partial<EffectDraft>) =>
    setDraft((d) => ({
      ...d,
      effects: d.effects.map((e) => (e.key === key ? { ...e, ...patch } : e)),
    }));

  const save = async (overEtag?: string): Promise<void> => {
    setShowErrors(true);
    if (input === null) {
      // Focus the first field in error, so the reader hears what is wrong.
      const first = Object.keys(errors)[0];
      if (first !== undefined) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved =
        action === null
          ? await createAction(city, input)
          : await updateAction(action.id, input, overEtag ?? etag!);
      setEtag(saved.etag);
      setConflict(null);
      onSaved(saved, action === null);
    } catch (err) {
      const current =
        err instanceof ApiError && err.status === 412 ? currentFromConflict(err.details) : null;
      if (current !== null) setConflict(current);
      else setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const used = new Set(draft.effects.map((e) => e.indicator));

  return (
    <form
      className="action-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-heading`}
      data-testid="action-form"
    >
      <h3 id={`${id}-heading`}>
        {action === null
          ? t('actions.form.newHeading')
          : t('actions.form.editHeading', { title: action.title })}
      </h3>
      {conflict !== null && (
        <div className="notice notice--error" role="alert" data-testid="action-conflict">
          <p>{t('actions.form.conflict')}</p>
          <ActionCard action={conflict} headingLevel={4} />
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(draftOf(conflict, indicators[0]?.slug ?? ''));
                setEtag(conflict.etag);
                setConflict(null);
                titleRef.current?.focus();
              }}
            >
              {t('actions.form.takeTheirs')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void save(conflict.etag)}
            >
              {t('actions.form.keepMine')}
            </button>
          </div>
        </div>
      )}
      <div className="action-form__grid">
        <FormField
          id={`${id}-title`}
          ref={titleRef}
          label={t('actions.form.title')}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={shown('title')}
          required
          maxLength={200}
        />
        <FormField
          id={`${id}-department`}
          label={t('actions.department')}
          value={draft.department}
          onChange={(e) => set('department', e.target.value)}
          maxLength={200}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('actions.form.description')}</label>
        <textarea
          className="textarea"
          id={`${id}-description`}
          rows={3}
          value={draft.description}
          maxLength={5000}
          onChange={(e) => set('description', e.target.value)}
        />
      </div>
      <div className="action-form__grid">
        <FormField
          id={`${id}-startYear`}
          label={t('actions.form.startYear')}
          inputMode="numeric"
          value={draft.startYear}
          onChange={(e) => set('startYear', e.target.value)}
          error={shown('startYear')}
          required
        />
        <FormField
          id={`${id}-endYear`}
          label={t('actions.form.endYear')}
          hint={t('actions.form.endYearHint')}
          inputMode="numeric"
          value={draft.endYear}
          onChange={(e) => set('endYear', e.target.value)}
          error={shown('endYear')}
        />
        <SelectField
          id={`${id}-status`}
          label={t('actions.form.status')}
          value={draft.status}
          onChange={(e) => set('status', e.target.value as ActionStatus)}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`actions.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <FormField
          id={`${id}-budgetAmount`}
          label={t('actions.form.budgetAmount')}
          inputMode="decimal"
          value={draft.budgetAmount}
          onChange={(e) => set('budgetAmount', e.target.value)}
          error={shown('budgetAmount')}
        />
        <FormField
          id={`${id}-budgetCurrency`}
          label={t('actions.form.budgetCurrency')}
          hint={t('actions.form.currencyHint')}
          value={draft.budgetCurrency}
          maxLength={3}
          onChange={(e) => set('budgetCurrency', e.target.value.toUpperCase())}
          error={shown('budgetCurrency')}
        />
        <FormField
          id={`${id}-targets`}
          label={t('actions.targets')}
          hint={t('actions.form.targetsHint')}
          value={draft.targets}
          onChange={(e) => set('targets', e.target.value)}
          error={shown('targets')}
        />
      </div>

      <fieldset className="action-form__effects">
        <legend>{t('actions.form.effectsLegend')}</legend>
        <p className="muted small">{t('actions.form.effectsHint')}</p>
        {draft.effects.map((e, index) => {
          const indicator = indicators.find((i) => i.slug === e.indicator);
          const unit = indicator?.unit ?? '';
          return (
            <div key={e.key} className="action-form__effect" data-testid="effect-row">
              <div className="action-form__grid">
                <div className="field">
                  <label htmlFor={`${id}-indicator-${e.key}`}>
                    {t('actions.form.indicator', { n: index + 1 })}
                  </label>
                  <select
                    className="select"
                    id={`${id}-indicator-${e.key}`}
                    value={e.indicator}
                    aria-invalid={shown(`indicator-${e.key}`) !== undefined}
                    aria-describedby={
                      shown(`indicator-${e.key}`) === undefined
                        ? undefined
                        : `${id}-indicator-${e.key}-error`
                    }
                    onChange={(event) => setEffect(e.key, { indicator: event.target.value })}
                  >
                    {indicators.map((i) => (
                      <option key={i.slug} value={i.slug}>
                        {i.name}
                      </option>
                    ))}
                  </select>
                  {shown(`indicator-${e.key}`) !== undefined && (
                    <span
                      id={`${id}-indicator-${e.key}-error`}
                      className="field__error"
                      role="alert"
                    >
                      {shown(`indicator-${e.key}`)}
                    </span>
                  )}
                </div>
                <FormField
                  id={`${id}-effect-${e.key}`}
                  label={t('actions.form.effect', { unit: unit === '' ? '' : `(${unit})` }).trim()}
                  hint={t('actions.form.effectHint')}
                  inputMode="decimal"
                  value={e.effect}
                  onChange={(event) => setEffect(e.key, { effect: event.target.value })}
                  error={shown(`effect-${e.key}`)}
                  required
                />
                <FormField
                  id={`${id}-effectYear-${e.key}`}
                  label={t('actions.form.effectYear')}
                  inputMode="numeric"
                  value={e.effectYear}
                  onChange={(event) => setEffect(e.key, { effectYear: event.target.value })}
                  error={shown(`effectYear-${e.key}`)}
                  required
                />
                <FormField
                  id={`${id}-note-${e.key}`}
                  label={t('actions.form.note')}
                  value={e.note}
                  maxLength={2000}
                  onChange={(event) => setEffect(e.key, { note: event.target.value })}
                />
              </div>
              <div className="action-form__effect-footer">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={e.realised}
                    onChange={(event) => setEffect(e.key, { realised: event.target.checked })}
                  />{' '}
                  {t('actions.form.realised')}
                </label>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    setDraft((d) => ({ ...d, effects: d.effects.filter((x) => x.key !== e.key) }))
                  }
                >
                  {t('actions.form.removeEffect')}
                  <span className="visually-hidden"> {indicator?.name}</span>
                </button>
              </div>
              <EffectPreview
                city={city}
                effect={{
                  indicator: e.indicator,
                  indicatorName: indicator?.name ?? e.indicator,
                  parsed: typedEffect(e),
                }}
                status={draft.status}
                progress={progress.get(e.indicator)}
                actions={actions}
                actionId={action?.id ?? null}
              />
            </div>
          );
        })}
        {indicators.length > draft.effects.length && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                effects: [
                  ...d.effects,
                  {
                    key: ++effectKey,
                    indicator: indicators.find((i) => !used.has(i.slug))?.slug ?? '',
                    effect: '',
                    effectYear: '2030',
                    note: '',
                    realised: false,
                  },
                ],
              }))
            }
          >
            {t('actions.form.addEffect')}
          </button>
        )}
      </fieldset>
      {failure !== null && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} data-testid="save-action">
          {action === null ? t('actions.form.create') : t('actions.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('actions.form.cancel')}
        </button>
      </div>
    </form>
  );
}
