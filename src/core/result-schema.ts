import { singleReportSchema } from './report-model.js';

/** Every result file cash-test writes with --format json. */
export const resultSchema = singleReportSchema;
