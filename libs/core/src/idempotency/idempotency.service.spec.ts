import { requestFingerprint } from './idempotency.service';

describe('requestFingerprint', () => {
  it('ignores key order at every depth and undefined members', () => {
    expect(requestFingerprint('POST', '/v1/x', { a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(requestFingerprint('POST', '/v1/x', { b: { c: [1, { e: 3, d: 2 }] }, a: 1, z: undefined }));
  });

  it('tells apart another body, path or method', () => {
    const base = requestFingerprint('POST', '/v1/x', { a: 1 });
    expect(requestFingerprint('POST', '/v1/x', { a: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/y', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/v1/x', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/x', { a: [1, 2] })).not.toBe(requestFingerprint('POST', '/v1/x', { a: [2, 1] }));
  });
});
