import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction, Socket } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
const isLoopback = (address: string) => LOOPBACK.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Until the returned `restore` is called, a socket of this process connects to loopback only: any other address
 * it was about to reach (named, or given by the lookup it was handed) is refused before a packet leaves, and
 * recorded in `refused`. A test can then let code connect to a "public" address that a fake resolver answered.
 */
export function loopbackOnly(): { refused: string[]; restore: () => void } {
  const refused: string[] = [];
  const connect = Socket.prototype.connect;
  const refusal = (addresses: string[]) => {
    refused.push(...addresses);
    return Object.assign(new Error(`test network: ${addresses.join(', ')} is not loopback`), { code: 'ECONNREFUSED' });
  };
  const guarded =
    (lookup: LookupFunction): LookupFunction =>
    (hostname, options, callback) =>
      lookup(hostname, options, (error, address, family) => {
        const outside = (typeof address === 'string' ? [address] : ((address ?? []) as LookupAddress[]).map((a) => a.address)).filter((a) => !isLoopback(a));
        if (!error && outside.length) return callback(refusal(outside), '', 0);
        callback(error, address as string, family);
      });
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // net.connect hands its normalized arguments over as one array; tls.connect and http agents pass an options object.
    const options = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string; path?: string; lookup?: LookupFunction } | undefined;
    if (options && typeof options === 'object' && !options.path) {
      const host = options.host ?? 'localhost';
      if (isIP(host) && !isLoopback(host)) {
        const error = refusal([host]);
        process.nextTick(() => this.destroy(error));
        return this;
      }
      options.lookup = guarded(options.lookup ?? (systemLookup as LookupFunction));
    }
    return connect.apply(this, args as Parameters<Socket['connect']>);
  } as Socket['connect'];
  return { refused, restore: () => void (Socket.prototype.connect = connect) };
}
