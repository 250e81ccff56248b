// Which of the laptop's addresses phones on the same network can reach: a pure choice over
// what os.networkInterfaces() returns, so that it is tested without a network.

export interface InterfaceAddress {
  address: string;
  /** 'IPv4' (Node 18.4+) or 4 (earlier). */
  family: string | number;
  internal: boolean;
}

export interface Candidate {
  address: string;
  interface: string;
}

export type AddressChoice =
  | { address: string; candidates: Candidate[] }
  /** loopbackOnly: the laptop is on no network at all (Wi-Fi off); otherwise it has only public or link-local addresses. */
  | { address: null; candidates: []; loopbackOnly: boolean };

/** 192.168 first (home and office Wi-Fi), then 10, then 172.16–31 (often a container bridge, not the Wi-Fi). */
export function privateRank(address: string): number | null {
  const octets = address.split('.').map(Number);
  const [a, b] = octets;
  if (octets.length !== 4 || a === undefined || b === undefined || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return null;
  if (a === 192 && b === 168) return 0;
  if (a === 10) return 1;
  if (a === 172 && b >= 16 && b <= 31) return 2;
  return null;
}

export function chooseAddress(interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>): AddressChoice {
  const ranked: { candidate: Candidate; rank: number }[] = [];
  let external = false;
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const entry of addresses ?? []) {
      if (entry.internal) continue;
      external = true;
      if (entry.family !== 'IPv4' && entry.family !== 4) continue;
      const rank = privateRank(entry.address);
      if (rank !== null) ranked.push({ candidate: { address: entry.address, interface: name }, rank });
    }
  }
  ranked.sort((x, y) => x.rank - y.rank);
  const candidates = ranked.map((r) => r.candidate);
  const first = candidates[0];
  return first === undefined ? { address: null, candidates: [], loopbackOnly: !external } : { address: first.address, candidates };
}
