import { internshipSponsor } from '@codeshelf/partners';
import { type AppEnv, envConfig } from '@codeshelf/core';
import { isMinor, teenContact, teenGuardian } from '@codeshelf/people';
import { CalendarService, programFacts, upcomingSession } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Mail } from './mailer';
import { sessionAudience } from './queries/audience';
import { templates } from './templates';

export interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * Turns an outbox message into the mails it means, reading the addresses at send time (an erased teen
 * gets none). No mail for a message nobody is to be told of by mail (an empty list).
 */
@Injectable()
export class Composer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    @Inject(envConfig.KEY) private readonly env: AppEnv,
  ) {}

  async compose(message: OutboxRow): Promise<Mail[]> {
    const db = this.dataSource.manager;
    const p = message.payload as Record<string, string>;
    const mail = (to: string | null, content: { subject: string; text: string; html: string }, index = 0, calendar?: Mail['calendar']): Mail[] =>
      to ? [{ to, ...content, messageId: `<${message.id}.${index}@codeshelf>`, ...(calendar ? { calendar } : {}) }] : [];
    switch (message.topic) {
      case 'guardian.consent_requested':
        return mail(p.guardianEmail, templates.consentRequest({ guardianName: p.guardianName, teenFirstName: p.teenFirstName, consentUrl: p.consentUrl, expiresAt: p.expiresAt, language: p.language }));
      case 'enrollment.enrolled':
      case 'enrollment.promoted':
      case 'enrollment.waitlisted': {
        const teen = await teenContact(db, p.participantId);
        const program = await programFacts(db, p.programId);
        if (!teen || !program) return [];
        if (message.topic === 'enrollment.waitlisted') return mail(teen.email, templates.waitlisted({ firstName: teen.first_name, title: program.title, position: Number(p.waitlistPosition) }));
        const letter = (message.topic === 'enrollment.enrolled' ? templates.enrolled : templates.promoted)({ firstName: teen.first_name, title: program.title, startsOn: program.startsOn });
        return mail(teen.email, letter, 0, await this.programCalendar(p.programId));
      }
      case 'enrollment.offered':
        return this.seatOffer(message, p);
      case 'enrollment.offer_expired': {
        const teen = await teenContact(db, p.participantId);
        const program = await programFacts(db, p.programId);
        return teen && program ? mail(teen.email, templates.offerLapsed({ firstName: teen.first_name, title: program.title })) : [];
      }
      case 'session.cancelled': {
        const program = await programFacts(db, p.programId);
        const calendar = await this.programCalendar(p.programId);
        return (await sessionAudience(db, p.programId, p.sessionId)).flatMap((person, i) =>
          mail(person.email, templates.sessionCancelled({ firstName: person.first_name, title: program!.title, startsAt: p.startsAt, timezone: program!.timezone, reason: p.reason }), i, calendar),
        );
      }
      case 'session.reminder': {
        const session = await upcomingSession(db, p.sessionId);
        if (!session) return [];
        const calendar = await this.programCalendar(p.programId);
        return (await sessionAudience(db, p.programId, p.sessionId)).flatMap((person, i) =>
          mail(person.email, templates.sessionReminder({ firstName: person.first_name, title: session.title, startsAt: session.startsAt.toISOString(), timezone: session.timezone }), i, calendar),
        );
      }
      case 'application.submitted': {
        const internship = await internshipSponsor(db, p.internshipId);
        return internship ? mail(internship.sponsorEmail, templates.applicationReceived({ sponsorName: internship.sponsorName, internshipTitle: internship.title })) : [];
      }
      case 'application.status_changed': {
        const internship = await internshipSponsor(db, p.internshipId);
        if (!internship) return [];
        const { title: internshipTitle, sponsorName, sponsorEmail } = internship;
        if (p.to === 'offered') {
          const teen = await teenContact(db, p.participantId);
          return teen ? mail(teen.email, templates.offerMade({ firstName: teen.first_name, internshipTitle, sponsorName })) : [];
        }
        if (p.to === 'accepted' || p.to === 'declined') return mail(sponsorEmail, templates.offerAnswered({ sponsorName, internshipTitle, answer: p.to }));
        return [];
      }
      default:
        // enrollment.withdrawn, session.changed: events for later consumers (webhooks), no mail.
        return [];
    }
  }

  /** The teen's offer, and for a minor the guardian's too (once, when the teen's address is the guardian's). */
  private async seatOffer(message: OutboxRow, p: Record<string, string>): Promise<Mail[]> {
    const db = this.dataSource.manager;
    const [teen, guardian, program] = await Promise.all([teenContact(db, p.participantId), teenGuardian(db, p.participantId), programFacts(db, p.programId)]);
    if (!teen || !guardian || !program) return [];
    const offer = { title: program.title, expiresAt: p.offerExpiresAt, timezone: program.timezone, url: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/me` };
    const mails: Mail[] = [];
    const to = (address: string | null, content: { subject: string; text: string; html: string }) => {
      if (address && !mails.some((m) => m.to === address)) mails.push({ to: address, ...content, messageId: `<${message.id}.${mails.length}@codeshelf>` });
    };
    if (guardian.guardian_email && guardian.guardian_name && isMinor(guardian.birth_date, this.env.AGE_OF_MAJORITY)) {
      to(guardian.guardian_email, templates.seatOfferedToGuardian({ ...offer, guardianName: guardian.guardian_name, teenFirstName: teen.first_name, language: guardian.guardian_language }));
    }
    to(teen.email, templates.seatOffered({ ...offer, firstName: teen.first_name }));
    return mails;
  }

  // Straight from the session rows, never through the public feed: that is a 404 for a draft or archived program.
  private async programCalendar(programId: string): Promise<Mail['calendar']> {
    const content = await this.calendar.programMailCalendar(programId);
    return content === null ? undefined : { filename: 'sessions.ics', content };
  }
}
