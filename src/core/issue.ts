/**
 * A problem found in parsed data, located by its path in the document.
 * The loaders turn the path into file:line:col; the core never sees files.
 */
export interface Issue {
  path: readonly (string | number)[];
  message: string;
  /** Point at the key of the path's last step rather than at its value (unknown keys, duplicate ids). */
  atKey?: boolean;
}

export interface FileIssue extends Issue {
  file: string;
}
