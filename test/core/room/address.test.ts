import { describe, expect, it } from 'vitest';
import { chooseAddress, privateRank, type InterfaceAddress } from '../../../src/core/room/address.js';

const v4 = (address: string, internal = false): InterfaceAddress => ({ address, family: 'IPv4', internal });
const LOOPBACK = { lo: [v4('127.0.0.1', true), { address: '::1', family: 'IPv6', internal: true }] };

describe('chooseAddress', () => {
  it.each([
    {
      name: 'Wi-Fi before a container bridge',
      interfaces: { ...LOOPBACK, docker0: [v4('172.17.0.1')], wlan0: [v4('192.168.1.23')] },
      address: '192.168.1.23',
      candidates: ['192.168.1.23', '172.17.0.1'],
    },
    {
      name: '10.x before 172.16–31',
      interfaces: { br0: [v4('172.20.0.1')], eth0: [v4('10.0.4.7')] },
      address: '10.0.4.7',
      candidates: ['10.0.4.7', '172.20.0.1'],
    },
    {
      name: '192.168 before 10',
      interfaces: { eth0: [v4('10.1.1.1')], wlan0: [v4('192.168.0.5')] },
      address: '192.168.0.5',
      candidates: ['192.168.0.5', '10.1.1.1'],
    },
    {
      name: 'Node before 18.4 says family 4',
      interfaces: { en0: [{ address: '192.168.2.2', family: 4, internal: false }] },
      address: '192.168.2.2',
      candidates: ['192.168.2.2'],
    },
    {
      name: 'same rank: interface order kept',
      interfaces: { en0: [v4('10.0.0.2')], en1: [v4('10.0.0.3')] },
      address: '10.0.0.2',
      candidates: ['10.0.0.2', '10.0.0.3'],
    },
    {
      name: '172.15 and 172.32 are public',
      interfaces: { a: [v4('172.15.0.1')], b: [v4('172.32.0.1')], c: [v4('172.31.255.1')] },
      address: '172.31.255.1',
      candidates: ['172.31.255.1'],
    },
  ])('$name', ({ interfaces, address, candidates }) => {
    const choice = chooseAddress(interfaces);
    expect(choice.address).toBe(address);
    expect(choice.candidates.map((c) => c.address)).toEqual(candidates);
  });

  it.each([
    { name: 'only loopback', interfaces: LOOPBACK, loopbackOnly: true },
    { name: 'nothing at all', interfaces: {}, loopbackOnly: true },
    { name: 'public and link-local only', interfaces: { ...LOOPBACK, eth0: [v4('203.0.113.9'), v4('169.254.3.4')] }, loopbackOnly: false },
    { name: 'IPv6 only', interfaces: { eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false }] }, loopbackOnly: false },
  ])('no private address: $name', ({ interfaces, loopbackOnly }) => {
    expect(chooseAddress(interfaces)).toEqual({ address: null, candidates: [], loopbackOnly });
  });
});

describe('privateRank', () => {
  it.each([
    ['192.168.0.1', 0],
    ['10.255.255.255', 1],
    ['172.16.0.0', 2],
    ['172.31.0.0', 2],
    ['172.32.0.0', null],
    ['192.169.0.1', null],
    ['8.8.8.8', null],
    ['10.0.0', null],
    ['10.0.0.256', null],
    ['not.an.ip.at', null],
  ])('%s → %s', (address, rank) => {
    expect(privateRank(address)).toBe(rank);
  });
});
