import { ValidationFailedError } from '../errors/problem';
import { decodeCursor, encodeCursor } from './pagination';

const ID = '5b0c7f0e-3d51-4d1e-9a8e-2f8f8c1a0b11';

// Runs `decode` and returns what it threw, so that a test can look at more than the class.
function thrownBy(decode: () => unknown): unknown {
  try {
    decode();
  } catch (error) {
    return error;
  }
  throw new Error('expected decodeCursor to throw');
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(encodeCursor.name, () => {
  it('round-trips a string sort value and the id', () => {
    expect(decodeCursor(encodeCursor('Intro to Python', ID))).toEqual(['Intro to Python', ID]);
  });

  it('round-trips a number sort value as a number', () => {
    expect(decodeCursor(encodeCursor(42, ID))).toEqual([42, ID]);
  });

  it('turns a Date into its ISO string', () => {
    const startsAt = new Date('2026-03-08T16:00:00.000Z');

    expect(decodeCursor(encodeCursor(startsAt, ID))).toEqual(['2026-03-08T16:00:00.000Z', ID]);
  });

  it('is URL-safe, so it travels in a query string unescaped', () => {
    const cursor = encodeCursor('??>>~~ a title with / and + in it', ID);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe(decodeCursor.name, () => {
  it.each([
    ['garbage that is not base64 JSON', 'not a cursor!'],
    ['an empty string', ''],
    ['JSON that is not an array', base64url({ value: 1, id: ID })],
    ['an array of the wrong length', base64url([1, ID, 'extra'])],
    ['an id that is not a string', base64url(['title', 7])],
    ['a sort value that is an object', base64url([{ $gt: '' }, ID])],
    ['a sort value that is null', base64url([null, ID])],
  ])('rejects %s with a 400 naming the cursor field', (_, cursor) => {
    const error = thrownBy(() => decodeCursor(cursor));

    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).status).toBe(400);
    expect((error as ValidationFailedError).errors).toEqual([{ field: 'cursor', code: 'isCursor', message: 'cursor is not a cursor this API handed out' }]);
  });
});
