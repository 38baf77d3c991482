import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

/** The classes of a button of the design (also for a link that looks like one). */
export function buttonClass(
  variant: ButtonVariant = 'primary',
  size: 'normal' | 'small' = 'normal',
  extra?: string,
): string {
  const classes =
    variant === 'link'
      ? ['link-button']
      : [
          'button',
          variant === 'secondary' ? 'button--secondary' : '',
          variant === 'danger' ? 'button--danger' : '',
          size === 'small' ? 'button--small' : '',
        ];
  return [...classes, extra ?? ''].filter(Boolean).join(' ');
}

/**
 * The one button of the app: primary (default), secondary, danger or a
 * link-looking one; `type` is "button" unless said otherwise, so a button in
 * a form never submits it by accident.
 */
export function Button({
  variant = 'primary',
  size = 'normal',
  className,
  type = 'button',
  ...rest
}: {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  ref?: Ref<HTMLButtonElement>;
} & ButtonHTMLAttributes<HTMLButtonElement>): ReactNode {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}
