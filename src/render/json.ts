/** The result file: the report model as it is, at full precision. */
export function renderJson(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
