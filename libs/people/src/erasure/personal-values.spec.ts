import { ERASED, scrubJson } from './personal-values';

describe(scrubJson.name, () => {
  it('replaces the values wherever they occur in strings, longest first, ignoring case', () => {
    const scrubbed = scrubJson({ to: 'ANA@example.org', greeting: 'Dear Ana Lopez', ids: ['Ana'], count: 3 }, ['Ana', 'Ana Lopez', 'ana@example.org']);
    expect(scrubbed).toEqual({ to: ERASED, greeting: `Dear ${ERASED}`, ids: [ERASED], count: 3 });
  });

  it('treats values as text, not patterns, and leaves everything alone when there is nothing to erase', () => {
    expect(scrubJson({ phone: '+1 (555) 010', other: '+1 5550' }, ['+1 (555) 010'])).toEqual({ phone: ERASED, other: '+1 5550' });
    expect(scrubJson({ a: 'x' }, ['', ' '])).toEqual({ a: 'x' });
    expect(scrubJson({ via: 'total', who: 'Al' }, ['Al'])).toEqual({ via: 'total', who: ERASED });
  });
});
