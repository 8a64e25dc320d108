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

type SeatOffer = { title: string; expiresAt: string; timezone: string; url: string };

/** The deadline in the branch's zone, as each language writes it. */
const localWhen = (iso: string, timezone: string, language: 'en' | 'es') =>
  new Date(iso).toLocaleString(language === 'es' ? 'es-US' : 'en-US', { timeZone: timezone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** The offer of a seat: to the teen (in English, as the teens' other mails), and to a minor's guardian in the guardian's language. */
const seatOffers = {
  teen: (p: SeatOffer & { firstName: string }) =>
    letter(`A seat is yours if you want it: ${p.title}`, `Hi ${p.firstName},`, [
      `A seat opened up in ${p.title} and you are first in line. It is held for you until ${localWhen(p.expiresAt, p.timezone, 'en')}.`,
      'Accept it or decline it on your page; if you do not answer by then, it goes to the next teen on the waitlist.',
    ], { label: 'Answer the offer', url: p.url }),
  guardian: {
    en: (p: SeatOffer & { guardianName: string; teenFirstName: string }) =>
      letter(`A seat is offered to ${p.teenFirstName}: ${p.title}`, `Dear ${p.guardianName},`, [
        `A seat opened up in ${p.title} and ${p.teenFirstName} is first in line for it. It is held until ${localWhen(p.expiresAt, p.timezone, 'en')}.`,
        `${p.teenFirstName} accepts or declines it on their Codeshelf page; unanswered, it goes to the next teen on the waitlist.`,
      ], { label: 'Open the page', url: p.url }),
    es: (p: SeatOffer & { guardianName: string; teenFirstName: string }) =>
      letter(`Se ofrece un lugar a ${p.teenFirstName}: ${p.title}`, `Estimado/a ${p.guardianName}:`, [
        `Se liberó un lugar en ${p.title} y ${p.teenFirstName} es la primera persona en la lista de espera. Se le reserva hasta el ${localWhen(p.expiresAt, p.timezone, 'es')}.`,
        `${p.teenFirstName} lo acepta o lo rechaza en su página de Codeshelf; si no responde, pasa a la siguiente persona de la lista de espera.`,
      ], { label: 'Abrir la página', url: p.url }, 'es'),
  },
};

export const templates = {
  seatOffered: seatOffers.teen,
  seatOfferedToGuardian: (p: SeatOffer & { guardianName: string; teenFirstName: string; language: string }) => (p.language === 'es' ? seatOffers.guardian.es : seatOffers.guardian.en)(p),
  offerLapsed: (p: { firstName: string; title: string }) =>
    letter(`Your offer for ${p.title} has lapsed`, `Hi ${p.firstName},`, [
      `The seat we held for you in ${p.title} was not taken in time, so it went to the next teen on the waitlist. You can join the waitlist again on the program's page.`,
    ]),
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
