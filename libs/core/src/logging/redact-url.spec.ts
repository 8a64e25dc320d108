import { redactUrl } from './redact-url';

describe(redactUrl.name, () => {
  it('masks a consent token in the path and a feed token in the query, and leaves other URLs alone', () => {
    expect(redactUrl('/v1/consents/abcDEF_123-x')).toBe('/v1/consents/***');
    expect(redactUrl('/v1/me/calendar.ics?token=secret&x=1')).toBe('/v1/me/calendar.ics?token=***&x=1');
    expect(redactUrl('/v1/programs?q=token')).toBe('/v1/programs?q=token');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
