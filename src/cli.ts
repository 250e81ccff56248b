import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import type { AggregateOptions } from './commands/aggregate.js';
import type { BankLintOptions, BankPrintOptions } from './commands/bank.js';
import type { CompareOptions } from './commands/compare.js';
import type { RoomOptions } from './commands/room/index.js';
import type { RunOptions } from './commands/run/options.js';
import type { Context } from './context.js';
import type { SchemaKind } from './commands/schema.js';
import type { TemplateOptions } from './commands/template.js';
import type { WorkshopOptions } from './commands/workshop/options.js';
import type { ExitCode } from './core/errors.js';
import { ROLES, type Role } from './core/roles.js';
import { COMPARE_FORMATS, QUESTIONNAIRE_FORMATS, SINGLE_FORMATS, TEAM_FORMATS } from './render/formats.js';
import { closestWord } from './core/closest.js';
import { plainText } from './render/shared/sanitize.js';

// Only commander loads at start-up: each command's module is imported when that command runs.

export interface Handlers {
  run(options: RunOptions, ctx: Context): Promise<ExitCode>;
  template(options: TemplateOptions, ctx: Context): Promise<ExitCode>;
  bankLint(options: BankLintOptions, ctx: Context): Promise<ExitCode>;
  bankPrint(options: BankPrintOptions, ctx: Context): Promise<ExitCode>;
  schema(options: { kind: SchemaKind; bank?: string }, ctx: Context): Promise<ExitCode>;
  aggregate(options: AggregateOptions, ctx: Context): Promise<ExitCode>;
  compare(options: CompareOptions, ctx: Context): Promise<ExitCode>;
  workshop(options: WorkshopOptions, ctx: Context): Promise<ExitCode>;
  room(options: RoomOptions, ctx: Context): Promise<ExitCode>;
}

export const lazyHandlers: Handlers = {
  run: async (o, ctx) => (await import('./commands/run/index.js')).run(o, ctx),
  template: async (o, ctx) => (await import('./commands/template.js')).template(o, ctx),
  bankLint: async (o, ctx) => (await import('./commands/bank.js')).bankLint(o, ctx),
  bankPrint: async (o, ctx) => (await import('./commands/bank.js')).bankPrint(o, ctx),
  schema: async (o, ctx) => (await import('./commands/schema.js')).schema(o, ctx),
  aggregate: async (o, ctx) => (await import('./commands/aggregate.js')).aggregate(o, ctx),
  compare: async (o, ctx) => (await import('./commands/compare.js')).compare(o, ctx),
  workshop: async (o, ctx) => (await import('./commands/workshop/index.js')).workshop(o, ctx),
  room: async (o, ctx) => (await import('./commands/room/index.js')).room(o, ctx),
};

/** Role groups smaller than this are never shown on their own (aggregate, workshop). */
export const DEFAULT_MIN_GROUP = 3;

/** Parses argv, runs the chosen command and returns its exit code; usage errors come back as 2. */
export async function runCli(argv: readonly string[], ctx: Context, handlers: Handlers = lazyHandlers): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const program = buildProgram(handlers, ctx, (code) => {
    exitCode = code;
  });
  // `run` is the default command: a mistyped command would otherwise reach it as an argument.
  const first = argv[2];
  if (first !== undefined && first !== 'help' && !first.startsWith('-') && !program.commands.some((c) => c.name() === first || c.aliases().includes(first))) {
    const meant = closestWord(
      first,
      program.commands.map((c) => c.name()),
    );
    ctx.stderr.write(
      `cash-test: error: unknown command '${plainText(first)}'${meant === undefined ? '' : ` (Did you mean ${meant}?)`}\nhint: see cash-test --help\n`,
    );
    return 2;
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? 0 : 2;
  }
  return exitCode;
}

function buildProgram(handlers: Handlers, ctx: Context, done: (code: ExitCode) => void): Command {
  const program = new Command('cash-test')
    .description('The CASH test: how well sales and marketing work as one revenue team (Communication, Alignment, Systems, Honesty).')
    .version(packageJson.version, '-V, --version')
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      examples([
        'cash-test',
        'cash-test run --quick --role sales',
        'cash-test run --answers me.yaml --format json --out result.json',
        'cash-test template --out me.yaml',
        'cash-test workshop ./answers',
      ]),
    );

  program
    .command('run', { isDefault: true })
    .description('take the survey (interactive) or score an answer file, and print the report')
    .addOption(new Option('--bank <dir>', 'question bank folder, or a built-in bank: cash@2 (the default) or cash@1'))
    .addOption(new Option('--answers <file>', 'answer file (.yaml, .yml, .json): no prompts at all'))
    .option('--quick', 'only the questions marked quick (about 5 minutes)', false)
    .addOption(new Option('--role <role>', 'your role').choices(ROLES))
    .addOption(new Option('--format <format>', 'report format').choices(SINGLE_FORMATS).default('text'))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .option('--save <file>', 'interactive: where to write the completed answer file')
    .option('--force', 'allow --out and --save to replace an existing file', false)
    .addOption(new Option('--fail-under <n>', 'exit 1 when the overall score is below n').argParser(scoreLimit))
    .addOption(new Option('--fail-pillar-under <n>', "exit 1 when any pillar's score is below n").argParser(scoreLimit))
    .option('--resume [id]', 'continue an unfinished interactive run: the last one (a choice when there are several), or the one with that id', false)
    .addHelpText(
      'after',
      examples([
        'cash-test run                                  # interactive, about 10-15 minutes',
        'cash-test run --quick --role marketing         # the 5-minute form',
        'cash-test run --resume                         # continue where you stopped',
        'cash-test run --resume run-20261101T100000Z-1a2b3c   # that unfinished run (ids are listed when there are several)',
        'cash-test run --answers dana.yaml --format markdown --out dana.md',
        'cash-test run --answers dana.yaml --format html --out dana.html    # one file: open, forward or print it',
        'cash-test run --answers dana.yaml --fail-under 60 --fail-pillar-under 40',
      ]),
    )
    .action(async (o: RunOptions) => done(await handlers.run(o, ctx)));

  program
    .command('template')
    .description('print an answer file to fill in: every question id, its text as a comment')
    .option('--bank <dir>', 'question bank folder, or a built-in bank: cash@2 (the default) or cash@1')
    .option('--quick', 'only the questions of the quick form', false)
    .option('--out <file>', 'write it to this file instead of standard output')
    .option('--force', 'allow --out to replace an existing file', false)
    .addHelpText('after', examples(['cash-test template --out dana.yaml', 'cash-test template --quick > quick.yaml']))
    .action(async (o: TemplateOptions) => done(await handlers.template(o, ctx)));

  const bank = program
    .command('bank')
    .description('check or print a question bank')
    .addHelpText(
      'after',
      examples([
        'cash-test bank lint ./my-bank            # every problem of a bank you wrote',
        'cash-test bank print --out questionnaire.md',
        'cash-test bank print --bank ./my-bank --format json',
      ]),
    );
  bank
    .command('lint')
    .description('validate a question bank folder; exit 0, or 2 with every problem listed')
    .argument('[dir]', 'bank folder (default: the built-in bank)')
    .addHelpText('after', examples(['cash-test bank lint', 'cash-test bank lint ./my-bank']))
    .action(async (dir: string | undefined) => done(await handlers.bankLint(dir === undefined ? {} : { dir }, ctx)));
  bank
    .command('print')
    .description('the questionnaire, printable (Markdown) or as data (JSON)')
    .option('--bank <dir>', 'question bank folder, or a built-in bank: cash@2 (the default) or cash@1')
    .option('--quick', 'only the questions of the quick form', false)
    .addOption(new Option('--format <format>', 'output format').choices(QUESTIONNAIRE_FORMATS).default('markdown'))
    .option('--out <file>', 'write it to this file instead of standard output')
    .option('--force', 'allow --out to replace an existing file', false)
    .addHelpText('after', examples(['cash-test bank print --out questionnaire.md', 'cash-test bank print --format json']))
    .action(async (o: BankPrintOptions) => done(await handlers.bankPrint(o, ctx)));

  program
    .command('schema')
    .description('print the JSON Schema of a file kind, for editors and other tools')
    .addArgument(new Argument('<kind>', 'answers | bank | result').choices(['answers', 'bank', 'result']))
    .option('--bank <dir>', "answers: that bank's question ids and scale (a folder, or a built-in bank: cash@2 or cash@1)")
    .addHelpText(
      'after',
      examples(['cash-test schema answers > answers.schema.json', 'cash-test schema answers --bank ./our-bank > answers.schema.json   # its ids and scale']),
    )
    .action(async (kind: SchemaKind, o: { bank?: string }) => done(await handlers.schema({ kind, ...o }, ctx)));

  program
    .command('aggregate')
    .description('team report from many answer files, folders of them, or CSV exports (Google Forms, Microsoft Forms, Typeform)')
    .argument('<paths...>', 'answer files (.yaml, .yml, .json), folders of them, CSV exports (.csv)')
    .option('--bank <dir>', 'question bank folder, or a built-in bank: cash@2 (the default) or cash@1')
    .option('--quick', 'the answers are for the quick form', false)
    .addOption(new Option('--min-group <n>', 'never show a role group smaller than n on its own').argParser(groupSize).default(DEFAULT_MIN_GROUP))
    .addOption(new Option('--show-role <role>', 'show this role even below --min-group, when its people agree (repeatable)').argParser(shownRoles).default([]))
    .option('--show-names', "list respondents' names (never shown otherwise)", false)
    .option('--map <file>', 'YAML file mapping CSV headers, answer labels and roles the matching does not find')
    .addOption(new Option('--format <format>', 'report format').choices(TEAM_FORMATS).default('text'))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .option('--force', 'allow --out to replace an existing file', false)
    .addOption(new Option('--fail-under <n>', 'exit 1 when the team score is below n').argParser(scoreLimit))
    .addOption(new Option('--fail-gap-over <n>', "exit 1 when any pillar's sales-marketing gap is larger than n points").argParser(scoreLimit))
    .addHelpText(
      'after',
      examples([
        'cash-test aggregate answers/                                # a folder of answer files',
        'cash-test aggregate responses.csv --format markdown --out team.md',
        'cash-test aggregate export.csv --map headers.yaml            # headers or labels auto-matching misses',
        'cash-test aggregate answers/ --format json --out team.json  # for compare',
        'cash-test aggregate answers/ --format html --out team.html  # charts and the workshop agenda, to show or print',
        'cash-test aggregate answers/ --fail-under 60 --fail-gap-over 20',
        'cash-test aggregate answers/ --show-role leadership         # the CRO and CMO agreed to be shown',
      ]),
    )
    .action(async (paths: string[], o: Omit<AggregateOptions, 'paths'>) => done(await handlers.aggregate({ ...o, paths }, ctx)));

  program
    .command('compare')
    .description('what changed between two results (both from run, or both from aggregate, as JSON)')
    .argument('<before>', 'the earlier result (.json)')
    .argument('<after>', 'the later result (.json)')
    .addOption(new Option('--format <format>', 'report format').choices(COMPARE_FORMATS).default('text'))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .option('--force', 'allow --out to replace an existing file', false)
    .addHelpText(
      'after',
      examples([
        'cash-test compare team-q1.json team-q2.json',
        'cash-test compare me-jan.json me-jun.json --format markdown --out change.md',
        'cash-test compare team-q1.json team-q2.json --format html --out change.html',
      ]),
    )
    .action(async (before: string, after: string, o: Omit<CompareOptions, 'before' | 'after'>) => done(await handlers.compare({ ...o, before, after }, ctx)));

  program
    .command('workshop')
    .description('one laptop, many participants in turn: each takes the survey, their answers saved into <dir>')
    .argument('<dir>', 'folder for the answer files (created when missing)')
    .option('--bank <dir>', 'question bank folder, or a built-in bank: cash@2 (the default) or cash@1')
    .option('--quick', 'only the questions marked quick (about 5 minutes each)', false)
    .addOption(
      new Option('--min-group <n>', 'in the team report at the end, never show a role group smaller than n on its own')
        .argParser(groupSize)
        .default(DEFAULT_MIN_GROUP),
    )
    .addHelpText(
      'after',
      examples([
        'cash-test workshop ./acme-2026-11            # pass the laptop round; end the round from the menu for the team report',
        'cash-test workshop ./acme-2026-11 --quick    # the 5-minute form for everyone',
        'cash-test aggregate ./acme-2026-11           # the team report of the folder, any time',
      ]),
    )
    .action(async (dir: string, o: Omit<WorkshopOptions, 'dir'>) => done(await handlers.workshop({ dir, ...o }, ctx)));

  program
    .command('room')
    .description("a live room: everyone answers on their own phone on the room's Wi-Fi; answers saved into <dir>")
    .argument('<dir>', 'folder for the answer files and the room (created when missing; the same folder reopens the room)')
    .option('--bank <dir>', 'question bank folder, or a built-in bank: cash@2 (the default) or cash@1')
    .option('--quick', 'only the questions marked quick (about 5 minutes)', false)
    .option('--host <address>', "the address phones use (default: this laptop's Wi-Fi address, 192.168.x.x first)")
    .addOption(new Option('--port <n>', 'the port (default 8347, or the next free one; 0: any free port)').argParser(portNumber))
    .addOption(new Option('--min-group <n>', 'never show a role group smaller than n on its own').argParser(groupSize).default(DEFAULT_MIN_GROUP))
    .addOption(
      new Option('--show-role <role>', 'in the revealed report, show this role even below --min-group, when its people agree (repeatable)')
        .argParser(shownRoles)
        .default([]),
    )
    .option('--names', 'ask for name and team (optional) on the phone; otherwise the room is anonymous', false)
    .option('--show-own', 'show each participant their own short result on their phone when they finish', false)
    .addHelpText(
      'after',
      examples([
        'cash-test room ./acme-2026-12 --quick     # people scan the QR code; r reveals, e ends',
        'cash-test room ./acme-2026-12 --quick     # the same command again reopens the room (same URLs)',
        'cash-test aggregate ./acme-2026-12        # the team report of the room, any time',
      ]),
    )
    .action(async (dir: string, o: Omit<RoomOptions, 'dir'>) => done(await handlers.room({ dir, ...o }, ctx)));

  configure(program, ctx);
  return program;
}

/** Every command, nested ones included, reports its usage errors as one line and a hint naming its own --help. */
function configure(command: Command, ctx: Context): void {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) names.unshift(c.name());
  command.exitOverride().configureOutput({
    writeOut: (text) => ctx.stdout.write(text),
    writeErr: (text) => ctx.stderr.write(text),
    // commander puts "(Did you mean --force?)" on a line of its own: keep it on the error's line.
    outputError: (text, write) => write(`cash-test: ${plainText(text.trimEnd().replaceAll('\n(', ' ('))}\nhint: see ${names.join(' ')} --help\n`),
  });
  if (command.commands.length === 0 || command.parent === null) command.addHelpText('after', EXIT_CODES_AND_ENVIRONMENT);
  for (const sub of command.commands) configure(sub, ctx);
}

const EXIT_CODES_AND_ENVIRONMENT = `Exit codes:
  0    done
  1    a --fail-* threshold was not met (the report is still written)
  2    usage error or bad input (every problem listed on stderr)
  70   internal error (a bug: please report it; CASH_TEST_DEBUG=1 shows the stack)
  130  interrupted (Ctrl-C); an interactive run's progress is saved first

Environment:
  CASH_TEST_STATE_DIR  where unfinished interactive runs are kept
                       (default: $XDG_STATE_HOME/cash-test, else ~/.local/state/cash-test)
  NO_COLOR, FORCE_COLOR  colour off or on, as chalk reads them
`;

/** Plain decimals only: Number() would also take "0x10", "1e1" and " 50". */
function scoreLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n > 100) throw new InvalidArgumentError('It must be a number from 0 to 100.');
  return n;
}

function shownRoles(value: string, previous: Role[]): Role[] {
  const role = ROLES.find((r) => r === value.trim().toLowerCase());
  if (role === undefined) throw new InvalidArgumentError(`It must be one of ${ROLES.join(', ')}.`);
  return previous.includes(role) ? previous : [...previous, role];
}

function groupSize(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 1) throw new InvalidArgumentError('It must be a whole number, 1 or more.');
  return n;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('It must be a port number from 0 to 65535.');
  return n;
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
