/** chalk reads FORCE_COLOR and the stream but leaves NO_COLOR to us; FORCE_COLOR wins when both are set. */
export function noColorRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.NO_COLOR) && !env.FORCE_COLOR;
}
