import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * The app's modal dialog: a native <dialog> opened with showModal (the page
 * behind is inert, focus stays inside, Escape cancels). On opening the focus
 * goes to `initialFocus` (e.g. the title, so that an Enter typed as it opens
 * decides nothing); with `restoreFocus` it returns where it was on closing.
 */
export function Dialog({
  labelledBy,
  describedBy,
  initialFocus,
  restoreFocus = false,
  onCancel,
  testId,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  restoreFocus?: boolean;
  /** Escape: the dialog stays open until the caller unmounts it. */
  onCancel: () => void;
  testId?: string;
  children: ReactNode;
}): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement;
    if (dialog !== null && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog?.open === true) dialog.close();
      if (restoreFocus && before instanceof HTMLElement && before.isConnected) before.focus();
    };
    // Opened once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
