import {
  Children,
  cloneElement,
  isValidElement,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

const join = (...classes: Array<string | undefined | false>): string =>
  classes.filter(Boolean).join(' ');

/**
 * A labelled input with its hint and error wired for screen readers; the
 * error is announced when it appears. `ref` reaches the input (to move focus).
 */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
} & InputHTMLAttributes<HTMLInputElement>): ReactNode {
  const described = [
    hint !== undefined ? `${id}-hint` : '',
    error !== undefined ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        className={join('input', className)}
        aria-invalid={error !== undefined}
        aria-describedby={described === '' ? undefined : described}
        {...input}
      />
      {error !== undefined && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled select of the forms that name their controls by id; `ref` reaches the select. */
export function SelectField({
  id,
  label,
  className,
  children,
  ...select
}: {
  id: string;
  label: ReactNode;
  ref?: Ref<HTMLSelectElement>;
} & SelectHTMLAttributes<HTMLSelectElement>): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select className={join('select', className)} id={id} {...select}>
        {children}
      </select>
    </div>
  );
}

/**
 * A label above its control: the pattern of every form outside the public
 * pages' toolbars. The control is the label's child (a click on the text
 * focuses it) and is named by the label's text alone (aria-labelledby), so a
 * select is "Year", not "Year 2025" with its chosen option, and described by
 * the hint.
 */
export function Field({
  label,
  hint,
  wide = false,
  className,
  testId,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  /** The control takes up to 40rem (text areas, long selects). */
  wide?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}): ReactNode {
  const id = useId();
  const control = Children.map(children, (child) =>
    isValidElement<{ 'aria-labelledby'?: string; 'aria-describedby'?: string }>(child)
      ? cloneElement(child, {
          'aria-labelledby': child.props['aria-labelledby'] ?? `${id}-label`,
          ...(hint === undefined
            ? {}
            : { 'aria-describedby': child.props['aria-describedby'] ?? `${id}-hint` }),
        })
      : child,
  );
  return (
    <label className={join('field', wide && 'field--wide', className)} data-testid={testId}>
      <span className="field__label" id={`${id}-label`}>
        {label}
      </span>
      {hint !== undefined && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {control}
    </label>
  );
}

/** A text input of the design. */
export function Input({
  className,
  ...rest
}: { ref?: Ref<HTMLInputElement> } & InputHTMLAttributes<HTMLInputElement>): ReactNode {
  return <input className={join('input', className)} {...rest} />;
}

/** A select of the design (drawn arrow, the inputs' border and height). */
export function Select({
  className,
  ...rest
}: { ref?: Ref<HTMLSelectElement> } & SelectHTMLAttributes<HTMLSelectElement>): ReactNode {
  return <select className={join('select', className)} {...rest} />;
}

/** A text area of the design. */
export function TextArea({
  className,
  ...rest
}: { ref?: Ref<HTMLTextAreaElement> } & TextareaHTMLAttributes<HTMLTextAreaElement>): ReactNode {
  return <textarea className={join('textarea', className)} {...rest} />;
}
