import type { Bank } from '../bank.js';
import type { BankStamp } from './stamps.js';

// Apart from the stamp schemas, so that a report is built without loading zod.

export function stampBank(bank: Bank): BankStamp {
  return { id: bank.id, title: bank.title, version: bank.version, hash: bank.hash };
}
