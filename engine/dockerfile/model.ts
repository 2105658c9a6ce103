import { DockerfileParser, type Arg, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { splitImageReference } from '../image';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { substituteVariables, type ImageReference } from './image';

/** One build stage: a `FROM` and the instructions up to the next one. */
export interface Stage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  name: string | undefined;
  /** The instructions after `FROM`, in order. */
  instructions: Instruction[];
  isFinal: boolean;
  /** The base image, unless `FROM` names an earlier stage. */
  image: ImageReference | undefined;
  /** The earlier stage this one builds on, when `FROM` names one. */
  baseStage: Stage | undefined;
  /** `FROM scratch`, possibly through earlier stages: an image with no user database. */
  isScratch: boolean;
}

/** A parsed Dockerfile and the facts that rules share, computed once per text. */
export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  ast: Dockerfile;
  escapeChar: string;
  instructions: Instruction[];
  /** ARGs declared before the first FROM, with their defaults: the only ones FROM can use. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
  finalStage: Stage | undefined;
}

export function parseDockerfile(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const instructions = ast.getInstructions();
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  let current: Stage | undefined;

  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      const stageName = from.getBuildStage()?.toLowerCase() ?? undefined;
      const image = resolveFrom(from, globalArgs, lines);
      const baseStage = image ? stages.find((stage) => stage.name !== undefined && stage.name === image.resolved.toLowerCase()) : undefined;
      const isScratch = baseStage ? baseStage.isScratch : image?.resolved.toLowerCase() === 'scratch';
      current = {
        index: stages.length,
        from,
        name: stageName,
        instructions: [],
        isFinal: false,
        image: baseStage ? undefined : image,
        baseStage,
        isScratch,
      };
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    } else if (keyword === 'ARG') {
      const property = (instruction as Arg).getProperty();
      if (property) globalArgs.set(property.getName(), property.getValue() ?? undefined);
    }
  }
  const finalStage = stages[stages.length - 1];
  if (finalStage) finalStage.isFinal = true;

  return { text, lines, ast, escapeChar: ast.getEscapeCharacter(), instructions, globalArgs, stages, finalStage };
}

function resolveFrom(from: From, globalArgs: Map<string, string | undefined>, lines: LineIndex): ImageReference | undefined {
  const written = from.getImage();
  const range = from.getImageRange();
  if (!written || !range) return undefined;
  const { value: resolved, unresolved } = substituteVariables(written, globalArgs);
  const parts = splitImageReference(resolved);
  const tagRange = from.getImageTagRange() ?? undefined;
  const digestRange = from.getImageDigestRange() ?? undefined;
  const registryRange = from.getRegistryRange() ?? undefined;
  return {
    written,
    resolved,
    ...parts,
    hasUnresolvedVariables: unresolved,
    range: normalizeRange(range, lines),
    tagRange: tagRange && normalizeRange(tagRange, lines),
    digestRange: digestRange && normalizeRange(digestRange, lines),
    registryRange: registryRange && normalizeRange(registryRange, lines),
  };
}

/** dockerfile-ast ranges are plain objects already; copy them so rules never share mutable state. */
export function normalizeRange(range: Range, _lines?: LineIndex): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/** The instruction's keyword token, the usual place for findings about a whole instruction. */
export function keywordRange(instruction: Instruction): Range {
  return normalizeRange(instruction.getInstructionRange());
}

/**
 * A stage and the earlier stages of this file it builds on, nearest first: together they make the
 * image that stage produces (`FROM base AS app` inherits everything `base` did).
 */
export function stageLineage(stage: Stage): Stage[] {
  const lineage: Stage[] = [];
  for (let current: Stage | undefined = stage; current && !lineage.includes(current); current = current.baseStage) lineage.push(current);
  return lineage;
}

/** The stage that contains an instruction. */
export function stageOf(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  const line = instruction.getRange().start.line;
  let found: Stage | undefined;
  for (const stage of model.stages) {
    if (stage.from.getRange().start.line <= line) found = stage;
  }
  return found;
}
