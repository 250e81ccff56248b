/** A respondent's name or team: at most this many characters, wherever it comes from. */
export const MAX_NAME_LENGTH = 200;
