/**
 * Which names and origins are this machine's own (loopback): `localhost`, `*.localhost`, 127.0.0.0/8
 * and `[::1]`. One rule for the browser side (who may steer the emulator) and the Node servers (whom
 * the sandbox's wallet API answers). Pure, no imports: both sides may bundle it.
 */

/** A loopback host name, lower case, IPv6 in brackets as an origin or a Host header writes it. */
const LOOPBACK_NAME = /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost|127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[::1\])$/;

/** Whether `hostname` (no port; IPv6 in brackets) names this machine. */
export const isLoopbackHostname = (hostname: string): boolean => LOOPBACK_NAME.test(hostname.toLowerCase());

/** Whether `origin` (`http(s)://host[:port]`, as a browser sends it) is a page on this machine, any port. */
export function isLoopbackOrigin(origin: string): boolean {
  const m = /^https?:\/\/(\[[^\]]*\]|[^/:]+)(:\d{1,5})?$/i.exec(origin);
  return !!m && isLoopbackHostname(m[1]!);
}
