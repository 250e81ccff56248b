import { extname } from 'node:path';
import { parseJson } from './json-document.js';
import { parseYaml, type ParsedDocument } from './yaml-document.js';

/** A .json file is read as JSON, anything else as YAML; both keep every value's position. */
export function parseInput(text: string, file: string): ParsedDocument {
  return extname(file).toLowerCase() === '.json' ? parseJson(text, file) : parseYaml(text, file);
}
