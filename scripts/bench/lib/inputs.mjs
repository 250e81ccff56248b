// The inputs the benchmarks aggregate, written in a temporary folder: a Google Forms export (a grid of
// labels, as Forms exports a Likert grid) and a folder of answer files as the survey saves them.
// Seeded, so every run of the bench reads the same data.
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROLES = ['sales', 'marketing', 'leadership', 'revops', 'other'];
export const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
export const UNKNOWN_LABEL = "Don't know / not applicable";

/** The built-in bank's questions: id, text and the name of their pillar. */
export async function builtInQuestions(root) {
  const bank = parse(await readFile(join(root, 'questions', 'bank.yaml'), 'utf8'));
  const pillars = await Promise.all(bank.pillars.map(async (id) => parse(await readFile(join(root, 'questions', `${id}.yaml`), 'utf8'))));
  return pillars.flatMap((p) => p.questions.map((q) => ({ id: q.id, text: q.text, pillarName: p.name })));
}

/** An answer on the 1–5 scale, or 'na' one time in twenty. */
function answers(random) {
  return () => (random() < 0.05 ? 'na' : 1 + Math.floor(random() * 5));
}

/** A Google Forms export of `rows` respondents: timestamp, role, then one `Pillar [Question]` column a question. */
export async function writeGoogleFormsCsv(file, questions, rows, seed = 42) {
  const random = seeded(seed);
  const answer = answers(random);
  const cell = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const out = createWriteStream(file);
  let chunk = `${['Timestamp', 'What is your role?', ...questions.map((q) => `${q.pillarName} [${q.text}]`)].map(cell).join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    const role = ROLES[Math.floor(random() * ROLES.length)];
    const cells = questions.map(() => {
      const v = answer();
      return v === 'na' ? UNKNOWN_LABEL : LABELS[v - 1];
    });
    chunk += `${['2024/05/01 10:00:00 AM GMT+2', role, ...cells].map(cell).join(',')}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * `count` answer files in `folder`, each the built CLI's own template (comments and all, as the survey
 * saves them) filled in with a role, a name, the time taken and an answer to every question.
 */
export async function writeAnswerFiles(folder, { node, bin }, count, seed = 7) {
  const template = spawnSync(node, [bin, 'template'], { encoding: 'utf8' });
  if (template.status !== 0) throw new Error(`cash-test template exited ${template.status}: ${template.stderr}`);
  const random = seeded(seed);
  const answer = answers(random);
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, k) => {
        const n = i + k;
        const text = template.stdout
          .replace(/^ {2}role:.*$/m, `  role: ${ROLES[Math.floor(random() * ROLES.length)]}`)
          .replace(/^ {2}# name:.*$/m, `  name: "Respondent ${n}"`)
          .replace(/^answers:$/m, `takenAt: "2024-05-01T10:${String(n % 60).padStart(2, '0')}:00.000Z"\nanswers:`)
          .replace(/^( {2}[A-Z]+\d+):$/gm, (_, key) => `${key}: ${answer()}`);
        return writeFile(join(folder, `p${String(n).padStart(6, '0')}.yaml`), text);
      }),
    );
  }
}

export function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
