import { describe, expect, it } from 'vitest';
import { en, es } from './messages';

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string) => typeof key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree) === 'string';

describe('admin words built from API values', () => {
  it('name every role, outbox status and outbox topic in both languages', () => {
    const keys = [
      ...['admin', 'coordinator', 'mentor', 'sponsor', 'participant'].map((role) => `roles.${role}`),
      ...['pending', 'sent', 'skipped', 'failed'].flatMap((status) => [`outbox.statuses.${status}`, `outbox.states.${status}`, `outbox.none.${status}`]),
      // Every topic the API writes to the outbox (libs/**: OutboxService.enqueue and the session reminders).
      ...[
        'guardian.consent_requested',
        'enrollment.enrolled',
        'enrollment.promoted',
        'enrollment.waitlisted',
        'enrollment.withdrawn',
        'session.cancelled',
        'session.changed',
        'session.reminder',
        'application.submitted',
        'application.status_changed',
      ].map((topic) => `outbox.topics.${topic}`),
    ];
    expect(keys.filter((key) => !has(en, key) || !has(es as Tree, key))).toEqual([]);
  });
});
