import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatDateTime, formatNumber } from '../../../lib/format';
import type { Observation, WorkspaceIndicator } from '../api/workspace-api';

export interface Conflict {
  indicator: WorkspaceIndicator;
  year: number;
  /** The officer's value (null: they deleted it). */
  mine: number | null;
  /** The value stored meanwhile (null: someone deleted it). */
  theirs: Observation | null;
}

/**
 * Someone else changed the value since the officer read it: both values side
 * by side, and the officer decides. A native modal dialog (focus is trapped
 * and Escape keeps the other value); the grid puts the focus back on its
 * active cell when it closes.
 */
export function ConflictDialog(props: {
  conflict: Conflict;
  locale: string;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { conflict, locale } = props;
  const { indicator } = conflict;
  const unit = indicator.translations[i18n.language]?.unit ?? indicator.unit;
  const show = (value: number | null) =>
    value === null
      ? t('workspace.conflict.deleted')
      : `${formatNumber(value, locale, indicator.decimals)} ${unit}`;

  return (
    // The title takes the focus, not a button: an Enter typed as the dialog opens must not decide.
    <Dialog
      labelledBy="conflict-title"
      describedBy="conflict-text"
      initialFocus={titleRef}
      testId="conflict-dialog"
      onCancel={props.onKeepTheirs}
    >
      <h2 id="conflict-title" ref={titleRef} tabIndex={-1}>
        {t('workspace.conflict.title')}
      </h2>
      <p id="conflict-text">
        {t('workspace.conflict.text', {
          indicator: indicator.translations[i18n.language]?.name ?? indicator.name,
          year: conflict.year,
        })}
      </p>
      <dl className="conflict-values">
        <div>
          <dt>{t('workspace.conflict.mine')}</dt>
          <dd data-testid="conflict-mine">{show(conflict.mine)}</dd>
        </div>
        <div>
          <dt>
            {conflict.theirs === null
              ? t('workspace.conflict.theirsDeleted')
              : t('workspace.conflict.theirs', {
                  who: conflict.theirs.updatedBy,
                  when: formatDateTime(conflict.theirs.updatedAt, locale),
                })}
          </dt>
          <dd data-testid="conflict-theirs">{show(conflict.theirs?.value ?? null)}</dd>
        </div>
      </dl>
      <div className="actions">
        <Button variant="secondary" onClick={props.onKeepTheirs}>
          {t('workspace.conflict.keepTheirs')}
        </Button>
        <Button onClick={props.onKeepMine}>{t('workspace.conflict.keepMine')}</Button>
      </div>
    </Dialog>
  );
}
