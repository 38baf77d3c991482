import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail after the fact: `send` returns at once and never throws (a
 * mail server that is slow or down must not hold up or fail a review step,
 * whose in-app notifications are already committed); failures are logged.
 * `idle()` waits for what is under way (the app awaits it on close).
 */
export interface Mailer {
  readonly enabled: boolean;
  send(messages: readonly MailMessage[]): void;
  idle(): Promise<void>;
}

export type MailLog = (error: unknown, message: string) => void;

/** Builds the mailer the configuration asks for: SMTP, .eml files in a folder, or none. */
export function createMailer(config: Config['mail'], log: MailLog): Mailer {
  if (config.transport === 'none')
    return { enabled: false, send: () => undefined, idle: () => Promise.resolve() };
  const deliver = config.transport === 'smtp' ? smtpDelivery(config.url) : fileDelivery(config.dir);
  const pending = new Set<Promise<void>>();
  return {
    enabled: true,
    send(messages) {
      for (const message of messages) {
        const job = deliver({ from: config.from, ...message })
          .catch((error: unknown) => log(error, `E-mail to ${message.to} was not sent`))
          .finally(() => pending.delete(job));
        pending.add(job);
      }
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

type Delivery = (message: MailMessage & { from: string }) => Promise<void>;

function smtpDelivery(url: string): Delivery {
  // A pool keeps one connection for a burst of notifications; timeouts bound a dead server.
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return async (message) => {
    await transport.sendMail(message);
  };
}

/** Writes each message as an .eml file: a mail catcher for development and tests. */
function fileDelivery(dir: string): Delivery {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  let sequence = 0;
  return async (message) => {
    const info = await transport.sendMail(message);
    await mkdir(dir, { recursive: true });
    sequence += 1;
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${sequence}.eml`;
    await writeFile(path.join(dir, name), info.message as Buffer);
  };
}
