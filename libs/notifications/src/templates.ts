const SIGNATURE = { en: '— Codeshelf, for your library’s coding club', es: '— Codeshelf, para el club de programación de tu biblioteca' };

/** Plain text and HTML of one mail from its paragraphs, with an optional call to action. */
export function letter(subject: string, greeting: string, paragraphs: string[], action?: { label: string; url: string }, language: 'en' | 'es' = 'en') {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const text = [greeting, '', ...paragraphs.flatMap((p) => [p, '']), ...(action ? [`${action.label}: ${action.url}`, ''] : []), SIGNATURE[language]].join('\n');
  const html = [
    `<p>${escape(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...(action ? [`<p><a href="${escape(action.url)}">${escape(action.label)}</a></p>`] : []),
    `<p>${escape(SIGNATURE[language])}</p>`,
  ].join('\n');
  return { subject, text, html };
}

const when = (iso: string, timezone: string) =>
  new Date(iso).toLocaleString('en-US', { timeZone: timezone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' });

type ConsentRequest = { guardianName: string; teenFirstName: string; consentUrl: string; expiresAt: string };

/** The guardian's consent mail in each language a guardian may choose at sign-up. */
const consentRequests = {
  en: (p: ConsentRequest) =>
    letter(
      `Please confirm ${p.teenFirstName} may join the coding club`,
      `Dear ${p.guardianName},`,
      [
        `${p.teenFirstName} signed up for the library's teen coding club. Because ${p.teenFirstName} is a minor, we need your consent first.`,
        `The link below works once, until ${p.expiresAt.slice(0, 10)}.`,
      ],
      { label: 'Review and answer', url: p.consentUrl },
    ),
  es: (p: ConsentRequest) =>
    letter(
      `Confirme, por favor, que ${p.teenFirstName} puede unirse al club de programación`,
      `Estimado/a ${p.guardianName}:`,
      [
        `${p.teenFirstName} se inscribió en el club de programación para adolescentes de la biblioteca. Como ${p.teenFirstName} es menor de edad, primero necesitamos su consentimiento.`,
        `El enlace de abajo funciona una sola vez, hasta el ${p.expiresAt.slice(0, 10)}.`,
      ],
      { label: 'Revisar y responder', url: p.consentUrl },
      'es',
    ),
};

export const templates = {
  // Messages queued before guardians chose a language carry none: they were English.
  consentRequest: (p: ConsentRequest & { language?: string }) => (p.language === 'es' ? consentRequests.es : consentRequests.en)(p),
  enrolled: (p: { firstName: string; title: string; startsOn: string }) =>
    letter(`You're in: ${p.title}`, `Hi ${p.firstName},`, [`You have a seat in ${p.title}, starting ${p.startsOn}. The sessions are in the attached calendar file.`]),
  waitlisted: (p: { firstName: string; title: string; position: number }) =>
    letter(`You're on the waitlist for ${p.title}`, `Hi ${p.firstName},`, [
      `${p.title} is full for now. You are number ${p.position} on the waitlist, and we will write as soon as a seat is yours.`,
    ]),
  promoted: (p: { firstName: string; title: string; startsOn: string }) =>
    letter(`A seat opened up: you're in ${p.title}`, `Hi ${p.firstName},`, [`A seat freed up in ${p.title} and it is yours. The sessions are in the attached calendar file.`]),
  sessionCancelled: (p: { firstName: string; title: string; startsAt: string; timezone: string; reason: string }) =>
    letter(`Cancelled: ${p.title} on ${when(p.startsAt, p.timezone)}`, `Hi ${p.firstName},`, [
      `The ${p.title} session on ${when(p.startsAt, p.timezone)} is cancelled: ${p.reason}.`,
      'The attached calendar file shows it as cancelled.',
    ]),
  sessionReminder: (p: { firstName: string; title: string; startsAt: string; timezone: string }) =>
    letter(`Reminder: ${p.title}, ${when(p.startsAt, p.timezone)}`, `Hi ${p.firstName},`, [
      `See you at ${p.title} on ${when(p.startsAt, p.timezone)}. The sessions are in the attached calendar file.`,
    ]),
  applicationReceived: (p: { sponsorName: string; internshipTitle: string }) =>
    letter(`New application: ${p.internshipTitle}`, `Hello ${p.sponsorName} team,`, [`A teen applied to your internship “${p.internshipTitle}”. You can read it through the Codeshelf API.`]),
  offerMade: (p: { firstName: string; internshipTitle: string; sponsorName: string }) =>
    letter(`An offer from ${p.sponsorName}`, `Hi ${p.firstName},`, [
      `${p.sponsorName} offers you the internship “${p.internshipTitle}”. Accept or decline it in Codeshelf.`,
    ]),
  offerAnswered: (p: { sponsorName: string; internshipTitle: string; answer: 'accepted' | 'declined' }) =>
    letter(`Offer ${p.answer}: ${p.internshipTitle}`, `Hello ${p.sponsorName} team,`, [`An applicant ${p.answer} your offer for “${p.internshipTitle}”.`]),
};
