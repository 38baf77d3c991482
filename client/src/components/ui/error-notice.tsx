import type { ReactNode } from 'react';

/**
 * What a failed action said, in the server's words, announced as an alert;
 * nothing while there is no error.
 */
export function ErrorNotice({ error }: { error: Error | null | undefined }): ReactNode {
  if (error === null || error === undefined) return null;
  return (
    <p className="notice notice--error" role="alert">
      {error.message}
    </p>
  );
}
