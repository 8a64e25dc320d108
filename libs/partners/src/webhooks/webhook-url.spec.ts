import { WebhookResolver, webhookUrlProblem } from './webhook-url';
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

describe('signature', () => {
  it('is t=<seconds>,v1=HMAC-SHA256 of "<t>.<body>"', () => {
    const at = new Date('2027-01-01T00:00:00Z');
    const expected = createHmac('sha256', 'whsec_test').update(`1798761600.{"a":1}`).digest('hex');
    expect(signature('whsec_test', '{"a":1}', at)).toBe(`t=1798761600,v1=${expected}`);
  });
});
