import type { LookupAddress, LookupOptions } from 'node:dns';
import { pinnedLookup } from './pinned-post';

function ask(lookup: ReturnType<typeof pinnedLookup>, options: LookupOptions): Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }> {
  return new Promise((done) => lookup('hooks.sponsor.test', options, (error, address, family) => done({ error, address, family })));
}

describe(pinnedLookup.name, () => {
  const checked = [
    { address: '203.0.113.10', family: 4 },
    { address: '2001:db8::1', family: 6 },
  ];

  it('answers the checked addresses only, as a list or the first one, whatever the name resolves to now', async () => {
    const lookup = pinnedLookup(checked);
    expect(await ask(lookup, { all: true })).toEqual({ error: null, address: checked, family: undefined });
    expect(await ask(lookup, {})).toEqual({ error: null, address: '203.0.113.10', family: 4 });
    expect(await ask(lookup, { family: 6 })).toEqual({ error: null, address: '2001:db8::1', family: 6 });
    expect(await ask(lookup, { family: 'IPv6', all: true })).toEqual({ error: null, address: [checked[1]], family: undefined });
  });

  it('answers no address of a family that was not checked', async () => {
    const { error } = await ask(pinnedLookup([checked[0]]), { family: 6 });
    expect(error).toMatchObject({ code: 'ENOTFOUND', message: 'no checked IPv6 address for hooks.sponsor.test' });
  });
});
