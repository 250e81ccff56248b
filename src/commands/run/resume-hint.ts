import type { Form } from '../../core/bank.js';
import { shellQuote } from '../shell-quote.js';
import type { RunOptions } from './options.js';

/** The exact command that continues this run: the same options, with --resume (and the run's id when it is not the only one). */
export function resumeCommand(options: RunOptions, form: Form, bankDir: string | undefined, runId?: string): string {
  const parts = ['cash-test', 'run', '--resume'];
  if (runId !== undefined) parts.push(runId);
  if (bankDir !== undefined) parts.push('--bank', shellQuote(bankDir));
  if (form === 'quick') parts.push('--quick');
  if (options.format !== 'text') parts.push('--format', options.format);
  if (options.out !== undefined) parts.push('--out', shellQuote(options.out));
  if (options.save !== undefined) parts.push('--save', shellQuote(options.save));
  if (options.force) parts.push('--force');
  if (options.failUnder !== undefined) parts.push('--fail-under', String(options.failUnder));
  if (options.failPillarUnder !== undefined) parts.push('--fail-pillar-under', String(options.failPillarUnder));
  return parts.join(' ');
}
