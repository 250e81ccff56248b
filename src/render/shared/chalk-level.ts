import chalk from 'chalk';

/** How many colours chalk finds standard output takes (0: none); its own file, as chalk loads node:process and node:tty. */
export const chalkLevel = chalk.level;
