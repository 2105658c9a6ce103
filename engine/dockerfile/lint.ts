import type { DockerfileRule } from '../rule';
import type { LineIndex } from '../text';
import { parseDockerfile, type DockerfileModel } from './model';

/** The Dockerfile side of the engine: the parsed model and how comments map to instructions. */
export function prepareDockerfile(text: string): { model: DockerfileModel; spanBelow: (line: number) => { first: number; last: number } | undefined; fileHeaderEnd: number } {
  const model = parseDockerfile(text);
  const spans = new Map<number, { first: number; last: number }>();
  for (const instruction of model.instructions) {
    const range = instruction.getRange();
    const span = { first: range.start.line, last: range.end.line };
    for (let line = range.start.line - 1; line >= 0 && isCommentLine(model.lines, line); line--) spans.set(line, span);
  }
  return { model, spanBelow: (line) => spans.get(line), fileHeaderEnd: parserDirectiveLines(model.lines) };
}

function isCommentLine(lines: LineIndex, line: number): boolean {
  return lines.lineText(line).trimStart().startsWith('#');
}

/** Parser directives (`# syntax=`, `# escape=`, `# check=`) must stay the first lines. */
function parserDirectiveLines(lines: LineIndex): number {
  let line = 0;
  while (line < lines.lineCount && /^\s*#\s*[a-zA-Z]+\s*=/.test(lines.lineText(line))) line++;
  return line;
}

export type { DockerfileRule };
