import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import '../i18n';
import type { Problem } from '../api/client';
import { consoleFieldWords } from './problems';
import { assignRefusal } from './SessionPage';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, { lng: 'en', ...options });
const problem = (fields: Record<string, unknown>) => ({ type: 'about:blank', title: '', status: 409, instance: '', ...fields }) as Problem;

describe('the console’s words for the API’s answers', () => {
  it('turns the program rules’ field messages into sentences, with their values, and leaves others as the API wrote them', () => {
    const words = consoleFieldWords(t);
    const error = (message: string, code = 'x-unknown') => ({ field: 'f', code, message });
    expect(words(error('maxAge must be at least minAge (13)'))).toBe('The oldest age must be at least the youngest (13).');
    expect(words(error('The branch is closed on 2027-03-17: Staff day'))).toBe('The branch is closed on 2027-03-17: Staff day.');
    expect(words(error('something new'))).toBe('something new');
  });

  it('names the other session of a double booking by program and local time, and a missing clearance by kind and state', () => {
    const busy = problem({ code: 'mentor-conflict', conflictingProgramTitle: 'Robotics', conflictingStartsAt: '2027-03-10T22:00:00.000Z' });
    expect(assignRefusal(t, busy, 'Max Mentor', 'America/Chicago', 'en')).toMatch(/^Max Mentor is already mentoring “Robotics” at that time \(Wed, Mar 10, 2027, 4:00\sPM CST\)\.$/);
    const expired = problem({ code: 'mentor-not-cleared', date: '2027-03-10', kind: 'background_check', clearanceStatus: 'expired' });
    expect(assignRefusal(t, expired, 'Max Mentor', 'America/Chicago', 'en')).toBe('Max Mentor is not cleared on Mar 10, 2027: their background check is expired.');
  });
});
