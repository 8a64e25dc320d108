import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the server took it, with the name the sender gave in EHLO (nodemailer's `name`: `SMTP_URL?name=…`). */
export type ReceivedMail = ParsedMail & { client: string };

export interface Inbox {
  url: string;
  mails: ReceivedMail[];
  /** Addresses whose RCPT TO the server refuses (a failing receiver). */
  refuse: Set<string>;
  /** From the `count`-th mail it has taken on, the server keeps each mail but answers only after `release()` (a sender stuck mid-batch). */
  holdFrom(count: number): void;
  release(): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps every mail it accepts, parsed by mailparser; `delayMs` slows each acceptance. */
export async function startInbox({ delayMs = 0 } = {}): Promise<Inbox> {
  const mails: ReceivedMail[] = [];
  const refuse = new Set<string>();
  let holdFrom = Infinity;
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse.has(address.address.toLowerCase()) ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(Object.assign(mail, { client: session.hostNameAppearsAs }));
          const answer = () => setTimeout(callback, delayMs);
          if (mails.length >= holdFrom) void released.then(answer);
          else answer();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse,
    holdFrom: (count) => void (holdFrom = count),
    release: () => release(),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
