import { type AppEnv, envConfig } from '@codeshelf/core';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox message and recipient, so a mail sent twice after a crash can be recognised. */
  messageId: string;
  calendar?: { filename: string; content: string };
}

/** Sends mail over SMTP_URL; without it, writes each mail to the log instead (and says so at start). */
@Injectable()
export class Mailer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(@Inject(envConfig.KEY) private readonly env: AppEnv) {
    // A pool keeps SMTP connections open between mails instead of one handshake per mail.
    this.transport = env.SMTP_URL ? createTransport({ url: env.SMTP_URL, pool: true }) : createTransport({ jsonTransport: true });
  }

  onModuleInit(): void {
    if (!this.env.SMTP_URL) this.logger.warn('SMTP_URL is not set: mails are written to the log, not sent');
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      attachments: mail.calendar ? [{ filename: mail.calendar.filename, content: mail.calendar.content, contentType: 'text/calendar; charset=utf-8' }] : [],
    });
    if (!this.env.SMTP_URL) this.logger.log({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail written to the log (no SMTP_URL)');
  }
}
