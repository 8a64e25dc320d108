import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Inbox {
  url: string;
  mails: ParsedMail[];
  /** Addresses whose RCPT TO the server refuses (a failing receiver). */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps every mail it accepts, parsed by mailparser; `delayMs` slows each acceptance. */
export async function startInbox({ delayMs = 0 } = {}): Promise<Inbox> {
  const mails: ParsedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse.has(address.address.toLowerCase()) ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          setTimeout(callback, delayMs);
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, refuse, close: () => new Promise<void>((done) => server.close(() => done())) };
}
