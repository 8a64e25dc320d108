import { WebhookResolver, webhookTarget, webhookUrlProblem } from './webhook-url';
import { signature } from './signature';
import { createHmac } from 'node:crypto';

describe('webhookUrlProblem (production rules)', () => {
  const system = new WebhookResolver();

  it('wants https and an absolute URL without credentials', async () => {
    expect(await webhookUrlProblem('http://93.184.216.34/hook', false, system)).toBe('url must be https');
    expect(await webhookUrlProblem('ftp://93.184.216.34/hook', false, system)).toBe('url must be https');
    expect(await webhookUrlProblem('/relative', false, system)).toBe('url must be an absolute URL');
    expect(await webhookUrlProblem('https://user:pw@93.184.216.34/hook', false, system)).toBe('url must not carry credentials');
    expect(await webhookUrlProblem('https://93.184.216.34/hook', false, system)).toBeNull();
  });

  it('refuses loopback, private, link-local and metadata addresses, also behind a name', async () => {
    for (const url of ['https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://172.20.0.1/x', 'https://192.168.1.10/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://[::ffff:10.0.0.1]/x', 'https://localhost/x']) {
      expect(await webhookUrlProblem(url, false, system)).toMatch(/private, loopback or link-local/);
    }
  });

  it('lets development and tests use plain http on loopback', async () => {
    expect(await webhookUrlProblem('http://127.0.0.1:8080/x', true, system)).toBeNull();
  });
});

describe('webhookTarget', () => {
  /** A resolver that answers these addresses and counts how often it was asked. */
  const answering = (...addresses: string[]) => {
    const resolver = { asked: 0, resolve: async () => (resolver.asked++, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))) };
    return resolver;
  };

  it('looks the host up once and hands back the URL with every address it checked', async () => {
    const resolver = answering('203.0.113.10', '2001:db8::1');
    const target = await webhookTarget('https://hooks.sponsor.test/x', false, resolver);
    expect(target).toEqual({ url: new URL('https://hooks.sponsor.test/x'), addresses: [{ address: '203.0.113.10', family: 4 }, { address: '2001:db8::1', family: 6 }] });
    expect(resolver.asked).toBe(1);
  });

  it('refuses, under production rules, a name of which any address is internal', async () => {
    expect(await webhookTarget('https://hooks.sponsor.test/x', false, answering('203.0.113.10', '10.0.0.7'))).toMatch(/private, loopback or link-local/);
    expect(await webhookTarget('https://hooks.sponsor.test/x', false, answering())).toBe('url host does not resolve');
  });

  it('resolves in development too, keeping loopback, so that deliveries there are pinned as well', async () => {
    expect(await webhookTarget('http://hooks.sponsor.test:8080/x', true, answering('127.0.0.1'))).toEqual({ url: new URL('http://hooks.sponsor.test:8080/x'), addresses: [{ address: '127.0.0.1', family: 4 }] });
  });

  it('takes an address literal as the one address, without a lookup', async () => {
    const resolver = answering('127.0.0.1');
    expect(await webhookTarget('https://[2001:db8::1]/x', false, resolver)).toEqual({ url: new URL('https://[2001:db8::1]/x'), addresses: [{ address: '2001:db8::1', family: 6 }] });
    expect(resolver.asked).toBe(0);
  });
});

describe('signature', () => {
  it('is t=<seconds>,v1=HMAC-SHA256 of "<t>.<body>"', () => {
    const at = new Date('2027-01-01T00:00:00Z');
    const expected = createHmac('sha256', 'whsec_test').update(`1798761600.{"a":1}`).digest('hex');
    expect(signature('whsec_test', '{"a":1}', at)).toBe(`t=1798761600,v1=${expected}`);
  });
});
