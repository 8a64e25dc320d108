import { DateTime } from 'luxon';

export interface CalendarEvent {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string;
  location?: string;
  cancelled: boolean;
  sequence: number;
  updatedAt: Date;
}

const utcStamp = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
const localStamp = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyyMMdd'T'HHmmss");
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const offset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}${String(Math.abs(minutes) % 60).padStart(2, '0')}`;

// RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space.
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // never split a UTF-8 character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/** The zone's offset changes between `from` and `to`, found day by day and then to the minute. */
function transitions(zone: string, from: DateTime, to: DateTime): { at: DateTime; before: number; after: number }[] {
  const found: { at: DateTime; before: number; after: number }[] = [];
  for (let day = from.setZone(zone).startOf('day'); day < to; day = day.plus({ days: 1 })) {
    const next = day.plus({ days: 1 });
    if (day.offset === next.offset) continue;
    let low = day.toMillis();
    let high = next.toMillis();
    while (high - low > 60_000) {
      const mid = Math.floor((low + high) / 2 / 60_000) * 60_000;
      if (DateTime.fromMillis(mid, { zone }).offset === day.offset) low = mid;
      else high = mid;
    }
    found.push({ at: DateTime.fromMillis(high, { zone }), before: day.offset, after: next.offset });
  }
  return found;
}

/** A VTIMEZONE for `zone` covering the events: the offset in force at the start, and every change after. */
function vtimezone(zone: string, events: CalendarEvent[]): string[] {
  const times = events.flatMap((e) => [e.startsAt.getTime(), e.endsAt.getTime()]);
  const from = DateTime.fromMillis(Math.min(...times), { zone }).minus({ days: 1 });
  const to = DateTime.fromMillis(Math.max(...times), { zone }).plus({ days: 1 });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const component = (kind: 'STANDARD' | 'DAYLIGHT', local: DateTime, before: number, after: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${local.toFormat("yyyyMMdd'T'HHmmss")}`,
    `TZOFFSETFROM:${offset(before)}`,
    `TZOFFSETTO:${offset(after)}`,
    `END:${kind}`,
  ];
  lines.push(...component(from.isInDST ? 'DAYLIGHT' : 'STANDARD', from, from.offset, from.offset));
  // The wall clock of a change is read in the offset in force before it (RFC 5545 §3.6.5).
  for (const change of transitions(zone, from, to)) {
    lines.push(...component(change.at.isInDST ? 'DAYLIGHT' : 'STANDARD', change.at.toUTC().plus({ minutes: change.before }), change.before, change.after));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** An RFC 5545 calendar of `events`, with times local to `zone` and a matching VTIMEZONE. */
export function icalendar(name: string, zone: string, events: CalendarEvent[], now = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Codeshelf//Club calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(name)}`, `X-WR-TIMEZONE:${zone}`];
  if (events.length) lines.push(...vtimezone(zone, events));
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
      `DTSTART;TZID=${zone}:${localStamp(e.startsAt, zone)}`,
      `DTEND;TZID=${zone}:${localStamp(e.endsAt, zone)}`,
      `SUMMARY:${text(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${text(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${text(e.location)}`] : []),
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `SEQUENCE:${e.sequence}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
