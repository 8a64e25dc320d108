import { averageOf, summarize } from './summary';

describe(summarize.name, () => {
  it('adds the sessions’ ratings and averages them to 2 decimals', () => {
    const summary = summarize([
      { sessionId: 'a', counts: [0, 0, 1, 2, 0], commenters: 0 },
      { sessionId: 'b', counts: [1, 0, 0, 0, 2], commenters: 0 },
    ]);
    expect(summary).toMatchObject({ count: 6, average: 3.67, commentCount: 0, commentsHeldBack: false, shownSessionIds: [] });
    expect(summary.distribution).toEqual([1, 2, 3, 4, 5].map((rating, i) => ({ rating, count: [1, 0, 1, 2, 2][i] })));
  });

  it('holds back the comments of a session fewer than 3 teens commented on, even when the program has more', () => {
    const summary = summarize([
      { sessionId: 'two', counts: [0, 0, 0, 2, 0], commenters: 2 },
      { sessionId: 'three', counts: [0, 0, 0, 0, 3], commenters: 3 },
      { sessionId: 'none', counts: [0, 1, 0, 0, 0], commenters: 0 },
    ]);
    expect(summary).toMatchObject({ commentCount: 5, commentsHeldBack: true, shownSessionIds: ['three'] });
  });

  it('has no average before anyone rated', () => {
    expect(summarize([])).toMatchObject({ count: 0, average: null, commentsHeldBack: false });
    expect(averageOf([0, 0, 0, 0, 0])).toBeNull();
  });
});
