import { inputError, type ExitCode } from '../../core/errors.js';
import type { Context } from '../../context.js';
import type { WorkshopOptions } from './options.js';

export async function workshop(options: WorkshopOptions, ctx: Context): Promise<ExitCode> {
  if (!ctx.stdinIsTTY) {
    throw inputError(
      'the workshop needs a terminal: each participant answers at the keyboard',
      `for the team report of answer files already in ${options.dir}, use cash-test aggregate`,
    );
  }
  const { runWorkshop, teamReportCommand } = await import('./round.js');
  const round = await runWorkshop(options, ctx);
  ctx.stdout.write(
    `\nRound ended: ${round.files} answer file${round.files === 1 ? '' : 's'} in ${round.folder}` +
      ` (${round.saved.length} saved in this round).\nThe team report again, or in another format: ${teamReportCommand(options)}\n\n`,
  );
  if (round.files === 0) return 0;
  const { aggregate } = await import('../aggregate.js');
  return aggregate(
    {
      paths: [round.folder],
      ...(options.bank === undefined ? {} : { bank: options.bank }),
      quick: options.quick,
      minGroup: options.minGroup,
      showNames: false,
      format: 'text',
      force: false,
    },
    ctx,
  );
}
