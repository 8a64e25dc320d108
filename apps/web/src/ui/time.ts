/** Dates and times in the branch's zone, the zone named, formatted by Intl in the page's language. */
export function formatDateTime(iso: string, timeZone: string, language: string, zoneName: 'short' | 'long' = 'short') {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: zoneName,
  }).format(new Date(iso));
}

/** An instant tied to no branch (a deadline, a link's expiry) in the reader's own zone, the zone named in full. */
export function formatLocalDateTime(iso: string, language: string) {
  return formatDateTime(iso, Intl.DateTimeFormat().resolvedOptions().timeZone, language, 'long');
}

export function formatTimeRange(startIso: string, endIso: string, timeZone: string, language: string) {
  const day = new Intl.DateTimeFormat(language, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(startIso));
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: 'numeric', minute: '2-digit' });
  const end = new Intl.DateTimeFormat(language, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return `${day}, ${time.format(new Date(startIso))}–${end.format(new Date(endIso))}`;
}

/** "Tuesdays 4:00–5:30 PM MST (America/Denver)" style, from one session. */
export function weeklyTime(startIso: string, endIso: string, timeZone: string, language: string) {
  const weekday = new Intl.DateTimeFormat(language, { timeZone, weekday: 'long' }).format(new Date(startIso));
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: 'numeric', minute: '2-digit' });
  const end = new Intl.DateTimeFormat(language, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return { weekday, time: `${time.format(new Date(startIso))}–${end.format(new Date(endIso))}`, zone: timeZone };
}

/** A calendar date (YYYY-MM-DD, no zone) in words. */
export function formatDate(date: string, language: string) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function ageOn(birthDate: string, on: Date = new Date()) {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = on.getFullYear() - y;
  if (on.getMonth() + 1 < m || (on.getMonth() + 1 === m && on.getDate() < d)) age -= 1;
  return age;
}
