import { Injectable } from '@nestjs/common';
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook may never reach outside development: loopback, private, link-local, unspecified. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv6');
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function isInternal(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1], 'ipv4');
  return INTERNAL.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Looks a webhook's host name up: the system's resolver, which a test replaces to answer as a sponsor's DNS might. */
@Injectable()
export class WebhookResolver {
  resolve(hostname: string): Promise<LookupAddress[]> {
    return lookup(hostname, { all: true });
  }
}

/** A webhook URL with the addresses its host answered when checked: a delivery connects to these and no others. */
export interface WebhookTarget {
  url: URL;
  addresses: LookupAddress[];
}

function parsed(raw: string, allowInternal: boolean): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL';
  }
  if (url.username || url.password) return 'url must not carry credentials';
  if (url.protocol !== 'https:' && !(allowInternal && url.protocol === 'http:')) return 'url must be https';
  return url;
}

/**
 * Where a delivery may connect, or why it may not: the host is looked up once and, outside development and
 * tests, every address it answers must be public. Checked before every delivery (a name may be re-pointed after
 * registration), and the caller connects to these addresses only: looking the name up again could answer an
 * internal one (DNS rebinding).
 */
export async function webhookTarget(raw: string, allowInternal: boolean, resolver: WebhookResolver): Promise<WebhookTarget | string> {
  const url = parsed(raw, allowInternal);
  if (typeof url === 'string') return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolver.resolve(host).catch(() => []);
  if (!addresses.length) return 'url host does not resolve';
  if (!allowInternal && addresses.some((a) => isInternal(a.address))) return 'url must not point to a private, loopback or link-local address';
  return { url, addresses };
}

/**
 * Why a webhook URL is refused at registration, or null. Outside development and tests it must be https and
 * resolve only to public addresses, so webhooks cannot be used to probe the library's own network.
 */
export async function webhookUrlProblem(raw: string, allowInternal: boolean, resolver: WebhookResolver): Promise<string | null> {
  // Development registers a name that does not resolve yet; its deliveries fail until it does.
  const problem = allowInternal ? parsed(raw, true) : await webhookTarget(raw, false, resolver);
  return typeof problem === 'string' ? problem : null;
}
