import { CalendarService } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Mail } from './mailer';
import { templates } from './templates';

export interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

interface Person {
  id: string;
  first_name: string;
  email: string | null;
}

/** A teen's address: their own contact, else their login, else (for a teen without either) their guardian's. */
const TEEN = `SELECT pt.id, pt.first_name, COALESCE(pt.contact_email, u.email, pt.guardian_email) AS email
                FROM participant pt LEFT JOIN user_account u ON u.id = pt.user_id WHERE pt.erased_at IS NULL`;

/**
 * Turns an outbox message into the mails it means, reading the addresses at send time (an erased teen
 * gets none). No mail for a message nobody is to be told of by mail (an empty list).
 */
@Injectable()
export class Composer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async compose(message: OutboxRow): Promise<Mail[]> {
    const p = message.payload as Record<string, string>;
    const mail = (to: string | null, content: { subject: string; text: string; html: string }, index = 0, calendar?: Mail['calendar']): Mail[] =>
      to ? [{ to, ...content, messageId: `<${message.id}.${index}@codeshelf>`, ...(calendar ? { calendar } : {}) }] : [];
    switch (message.topic) {
      case 'guardian.consent_requested':
        return mail(p.guardianEmail, templates.consentRequest({ guardianName: p.guardianName, teenFirstName: p.teenFirstName, consentUrl: p.consentUrl, expiresAt: p.expiresAt, language: p.language }));
      case 'enrollment.enrolled':
      case 'enrollment.promoted':
      case 'enrollment.waitlisted': {
        const [teen] = await this.people(`${TEEN} AND pt.id = $1`, [p.participantId]);
        const [program] = await this.dataSource.query(`SELECT title, starts_on::text AS "startsOn" FROM program WHERE id = $1`, [p.programId]);
        if (!teen || !program) return [];
        if (message.topic === 'enrollment.waitlisted') return mail(teen.email, templates.waitlisted({ firstName: teen.first_name, title: program.title, position: Number(p.waitlistPosition) }));
        const letter = (message.topic === 'enrollment.enrolled' ? templates.enrolled : templates.promoted)({ firstName: teen.first_name, ...program });
        return mail(teen.email, letter, 0, await this.programCalendar(p.programId));
      }
      case 'session.cancelled': {
        const [program] = await this.dataSource.query(`SELECT p.title, b.timezone FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = $1`, [p.programId]);
        const calendar = await this.programCalendar(p.programId);
        return (await this.audience(p.programId, p.sessionId)).flatMap((person, i) =>
          mail(person.email, templates.sessionCancelled({ firstName: person.first_name, title: program.title, startsAt: p.startsAt, timezone: program.timezone, reason: p.reason }), i, calendar),
        );
      }
      case 'session.reminder': {
        // Only a session still ahead, still on, of a published program (a draft's teens are not told).
        const [session] = await this.dataSource.query(
          `SELECT s.starts_at AS "startsAt", p.title, b.timezone FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
            WHERE s.id = $1 AND s.status = 'scheduled' AND s.starts_at > now() AND p.status = 'published'`,
          [p.sessionId],
        );
        if (!session) return [];
        const calendar = await this.programCalendar(p.programId);
        return (await this.audience(p.programId, p.sessionId)).flatMap((person, i) =>
          mail(person.email, templates.sessionReminder({ firstName: person.first_name, title: session.title, startsAt: session.startsAt.toISOString(), timezone: session.timezone }), i, calendar),
        );
      }
      case 'application.submitted': {
        const [row] = await this.dataSource.query(
          `SELECT s.name, s.contact_email, i.title FROM internship i JOIN sponsor s ON s.id = i.sponsor_id WHERE i.id = $1`,
          [p.internshipId],
        );
        return row ? mail(row.contact_email, templates.applicationReceived({ sponsorName: row.name, internshipTitle: row.title })) : [];
      }
      case 'application.status_changed': {
        const [row] = await this.dataSource.query(
          `SELECT s.name, s.contact_email, i.title FROM internship i JOIN sponsor s ON s.id = i.sponsor_id WHERE i.id = $1`,
          [p.internshipId],
        );
        if (!row) return [];
        if (p.to === 'offered') {
          const [teen] = await this.people(`${TEEN} AND pt.id = $1`, [p.participantId]);
          return teen ? mail(teen.email, templates.offerMade({ firstName: teen.first_name, internshipTitle: row.title, sponsorName: row.name })) : [];
        }
        if (p.to === 'accepted' || p.to === 'declined') return mail(row.contact_email, templates.offerAnswered({ sponsorName: row.name, internshipTitle: row.title, answer: p.to }));
        return [];
      }
      default:
        // enrollment.withdrawn, session.changed: events for later consumers (webhooks), no mail.
        return [];
    }
  }

  /** Everyone holding a seat in the program and the session's mentors: one mail each, so nobody sees another's address. */
  private audience(programId: string, sessionId: string): Promise<Person[]> {
    return this.people(
      `SELECT pt.id, pt.first_name, COALESCE(pt.contact_email, u.email, pt.guardian_email) AS email
         FROM enrollment e JOIN participant pt ON pt.id = e.participant_id LEFT JOIN user_account u ON u.id = pt.user_id
        WHERE e.program_id = $1 AND e.status = 'enrolled' AND pt.erased_at IS NULL
       UNION ALL
       SELECT m.id, split_part(u.display_name, ' ', 1), u.email FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id
         JOIN user_account u ON u.id = m.user_id WHERE sm.session_id = $2
       ORDER BY 1`,
      [programId, sessionId],
    );
  }

  private people(sql: string, params: unknown[]): Promise<Person[]> {
    return this.dataSource.query(sql, params);
  }

  // Straight from the session rows, never through the public feed: that is a 404 for a draft or archived program.
  private async programCalendar(programId: string): Promise<Mail['calendar']> {
    const content = await this.calendar.programMailCalendar(programId);
    return content === null ? undefined : { filename: 'sessions.ics', content };
  }
}
