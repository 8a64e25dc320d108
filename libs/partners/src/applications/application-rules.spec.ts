import { checkStep, movesOf, TRANSITIONS } from './application-rules';

describe('application pipeline', () => {
  it('runs submitted → shortlisted → offered → accepted → completed with the right side at each step', () => {
    expect(checkStep('submitted', 'shortlisted', 'sponsor')).toEqual({ ok: true });
    expect(checkStep('shortlisted', 'offered', 'sponsor')).toEqual({ ok: true });
    expect(checkStep('offered', 'accepted', 'teen')).toEqual({ ok: true });
    expect(checkStep('accepted', 'completed', 'sponsor')).toEqual({ ok: true });
  });

  it('names who decides, and what the caller may do instead', () => {
    expect(checkStep('offered', 'accepted', 'sponsor')).toEqual({ ok: false, reason: 'not-yours', side: 'teen' });
    expect(checkStep('submitted', 'shortlisted', 'teen')).toEqual({ ok: false, reason: 'not-yours', side: 'sponsor' });
    expect(checkStep('submitted', 'offered', 'sponsor')).toEqual({ ok: false, reason: 'illegal', allowed: ['shortlisted', 'rejected'] });
    expect(checkStep('completed', 'withdrawn', 'teen')).toEqual({ ok: false, reason: 'illegal', allowed: [] });
  });

  it('lets the sponsor reject and the teen withdraw from every open state, and nothing leave a final one', () => {
    for (const open of ['submitted', 'shortlisted', 'offered'] as const) {
      expect(checkStep(open, 'rejected', 'sponsor').ok).toBe(true);
      expect(checkStep(open, 'withdrawn', 'teen').ok).toBe(true);
    }
    for (const final of ['declined', 'rejected', 'withdrawn', 'completed'] as const) expect(TRANSITIONS[final]).toEqual({});
  });

  it('lists each side’s own moves only: the sponsor never accepts for the teen, nor the teen shortlists', () => {
    expect(movesOf('submitted', 'sponsor')).toEqual(['shortlisted', 'rejected']);
    expect(movesOf('offered', 'sponsor')).toEqual(['rejected']);
    expect(movesOf('offered', 'teen')).toEqual(['accepted', 'declined', 'withdrawn']);
    expect(movesOf('accepted', 'sponsor')).toEqual(['completed']);
    expect(movesOf('completed', 'sponsor')).toEqual([]);
  });
});
