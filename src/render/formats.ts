// The formats of each report kind, in the order the help lists them. The CLI's --format choices come from here.

export const SINGLE_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type SingleFormat = (typeof SINGLE_FORMATS)[number];

export const TEAM_FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type TeamFormat = (typeof TEAM_FORMATS)[number];

export const COMPARE_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export const QUESTIONNAIRE_FORMATS = ['markdown', 'json'] as const;
export type QuestionnaireFormat = (typeof QUESTIONNAIRE_FORMATS)[number];
