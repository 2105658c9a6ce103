import type { ChainNode, CommandNode, FieldNode, IdentifierNode, ListNode, Node, NumberNode, Operand, PipeNode, RangeNode, Span, TemplateNode, VariableNode } from './ast';
import { ChartFailure, RenderError } from './errors';
import { callExternal } from './externalCall';
import { formatValue } from './format';
import { TemplateFunctionError } from './functions';
import { parseTemplate, TemplateParseError } from './parser';
import { containerProvenance, removeAll, TextBuilder, TracedText, type Origin, type OutputMeter } from './provenance';
import type { CallContext, FunctionSet } from './registry';
import { GoObject, goTypeName, isFloat, isMap, readEntry, readKey, sortedKeys, Traced, truth, unwrap } from './values';

/**
 * Executes parsed templates with Go's semantics: `.` and `$`, variables that live until the
 * `{{end}}` of the block that declared them, Go truthiness, `range` over slices, maps (in key
 * order) and ints, `break`/`continue`, `template` with no inherited variables, and Helm's
 * `missingkey=zero` (a missing key reads as nil; a field of nil is an error).
 *
 * Output is traced text: literal text keeps its template range, printed values their values-file
 * range or the action's. Work is bounded by a step budget, an output budget and a nesting depth.
 */

/** Where ranges of a template's parsed text come from. */
export interface TemplateLocation {
  originOf(start: number, end: number): Origin;
}

/** A named template ready to run. */
export interface DefinedTemplate {
  name: string;
  root: ListNode;
  /** The text it was parsed from, for error messages. */
  text: string;
  location: TemplateLocation;
}

export interface TemplateLookup {
  get(name: string): DefinedTemplate | undefined;
}

export interface ExecutionLimits {
  /** Nodes and commands evaluated per render. */
  maxSteps: number;
  /** Characters written per render, `include` output included. */
  maxOutput: number;
  /** Nested `template`, `include` and `tpl` calls. */
  maxDepth: number;
}

/** Helm stops an `include` of a name already being included this many times. */
const INCLUDE_RECURSION_LIMIT = 1000;

/** The start of the messages text/template gives a failed call. */
const GO_CALL_ERROR = /^(error calling |wrong number of args for |wrong type for value|invalid value; expected )/;

/** Go's "no final argument from the previous pipeline stage". */
const MISSING = Symbol('no final argument');

class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}
const BREAK = new LoopSignal('break');
const CONTINUE = new LoopSignal('continue');

interface Variable {
  name: string;
  value: unknown;
}

class Frame {
  readonly vars: Variable[];

  constructor(
    readonly template: DefinedTemplate,
    readonly templates: TemplateLookup,
    readonly out: TextBuilder,
    readonly depth: number,
    dot: unknown,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  origin(span: Span): Origin {
    return this.template.location.originOf(span.start, span.end);
  }
}

/** One render's worth of execution: shared budgets, and the `include` recursion counts. */
export class Execution implements OutputMeter {
  private steps = 0;
  private output = 0;
  private readonly includes = new Map<string, number>();

  constructor(
    readonly functions: FunctionSet,
    readonly limits: ExecutionLimits,
  ) {}

  /** Runs a template with `dot` as both `.` and `$`. Throws RenderError. */
  run(template: DefinedTemplate, templates: TemplateLookup, dot: unknown): TracedText {
    const out = new TextBuilder(this);
    try {
      this.runTree(template, templates, dot, out, 0);
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new RenderError('limit', 'templates nest too deeply to render', template.location.originOf(0, 0));
      }
      throw error;
    }
    return out.build();
  }

  charge(characters: number): void {
    this.output += characters;
    if (this.output > this.limits.maxOutput) throw new RenderError('limit', `rendering stopped: output passed ${this.limits.maxOutput} characters`, undefined);
  }

  step(count = 1): void {
    this.steps += count;
    if (this.steps > this.limits.maxSteps) throw new RenderError('limit', `rendering stopped after ${this.limits.maxSteps} steps`, undefined);
  }

  private runTree(template: DefinedTemplate, templates: TemplateLookup, dot: unknown, out: TextBuilder, depth: number): void {
    if (depth > this.limits.maxDepth) throw new RenderError('limit', `exceeded maximum template depth (${this.limits.maxDepth})`, undefined);
    this.walkList(new Frame(template, templates, out, depth, dot), dot, template.root);
  }

  private fail(frame: Frame, node: Span, message: string): never {
    throw new RenderError('execute', `executing ${JSON.stringify(frame.template.name)} at <${context(frame.template.text, node)}>: ${message}`, frame.origin(node));
  }

  // ---- walking ------------------------------------------------------------------------------

  private walkList(frame: Frame, dot: unknown, list: ListNode): void {
    for (const node of list.nodes) this.walk(frame, dot, node);
  }

  private walk(frame: Frame, dot: unknown, node: Node): void {
    try {
      this.step();
      switch (node.kind) {
        case 'text':
          frame.out.append(node.text, frame.origin(node));
          return;
        case 'comment':
          return;
        case 'action': {
          const value = this.evalPipeline(frame, dot, node.pipe);
          if (node.pipe.decl.length === 0) this.print(frame, node, value);
          return;
        }
        case 'if':
        case 'with': {
          const mark = frame.vars.length;
          try {
            const value = this.evalPipeline(frame, dot, node.pipe);
            if (truth(value)) this.walkList(frame, node.kind === 'with' ? value : dot, node.list);
            else if (node.elseList) this.walkList(frame, dot, node.elseList);
          } finally {
            frame.vars.length = mark;
          }
          return;
        }
        case 'range':
          this.walkRange(frame, dot, node);
          return;
        case 'template':
          this.walkTemplate(frame, dot, node);
          return;
        case 'break':
          throw BREAK;
        case 'continue':
          throw CONTINUE;
      }
    } catch (error) {
      if (error instanceof RenderError && !error.location) error.location = frame.origin(node);
      throw error;
    }
  }

  /** Prints an action's value; nothing is `<no value>`, which Helm strips after rendering. */
  private print(frame: Frame, node: Span, value: unknown): void {
    const action = frame.origin(node);
    if (unwrap(value) === undefined || unwrap(value) === null) {
      frame.out.append('<no value>', { kind: 'missing', valuesPath: value instanceof Traced ? value.missingPath : undefined, action });
    } else if (value instanceof TracedText) {
      frame.out.appendTraced(value, action);
    } else if (value instanceof Traced) {
      frame.out.append(formatValue(value), value.origin ?? action);
    } else {
      const container = typeof value === 'object' && value !== null ? containerProvenance(value)?.origin : undefined;
      frame.out.append(formatValue(value), container ?? action);
    }
  }

  private walkRange(frame: Frame, dot: unknown, node: RangeNode): void {
    const mark = frame.vars.length;
    try {
      const value = this.evalPipeline(frame, dot, node.pipe);
      const inner = unwrap(value);
      const bodyMark = frame.vars.length;
      const decl = node.pipe.decl;
      const iterate = (key: unknown, element: unknown): void => {
        this.step();
        if (decl.length > 0) {
          if (node.pipe.isAssign) this.setVar(frame, decl[0]!, decl.length > 1 ? key : element);
          else frame.vars[frame.vars.length - 1]!.value = element;
        }
        if (decl.length > 1) {
          if (node.pipe.isAssign) this.setVar(frame, decl[1]!, element);
          else frame.vars[frame.vars.length - 2]!.value = key;
        }
        try {
          this.walkList(frame, element, node.list);
        } catch (signal) {
          if (signal !== CONTINUE) throw signal;
        } finally {
          frame.vars.length = bodyMark;
        }
      };
      let ran = false;
      try {
        if (Array.isArray(inner)) {
          ran = inner.length > 0;
          for (let i = 0; i < inner.length; i++) iterate(i, readEntry(inner, i));
        } else if (inner instanceof GoObject && (inner.options.entries || inner.options.items)) {
          const entries = inner.options.entries?.() ?? inner.options.items!().map((item, i) => [i, item] as const);
          ran = entries.length > 0;
          for (const [key, element] of entries) iterate(key, element);
        } else if (isMap(inner)) {
          const keys = sortedKeys(inner);
          ran = keys.length > 0;
          for (const key of keys) iterate(readKey(inner, key), readEntry(inner, key));
        } else if (typeof inner === 'number' && !isFloat(value) && Number.isInteger(inner)) {
          if (decl.length > 1) this.fail(frame, node.pipe, `can't use ${formatValue(value)} to iterate over more than one variable`);
          ran = inner > 0;
          for (let i = 0; i < inner; i++) iterate(i, i);
        } else if (inner !== null && inner !== undefined) {
          this.fail(frame, node.pipe, `range can't iterate over ${formatValue(value)}`);
        }
      } catch (signal) {
        if (signal !== BREAK) throw signal;
      }
      if (!ran && node.elseList) this.walkList(frame, dot, node.elseList);
    } finally {
      frame.vars.length = mark;
    }
  }

  private walkTemplate(frame: Frame, dot: unknown, node: TemplateNode): void {
    const template = frame.templates.get(node.name);
    if (!template) this.fail(frame, node, `template ${JSON.stringify(node.name)} not defined`);
    const newDot = node.pipe ? this.evalPipeline(frame, dot, node.pipe) : undefined;
    this.runTree(template, frame.templates, newDot, frame.out, frame.depth + 1);
  }

  // ---- evaluation ---------------------------------------------------------------------------

  private evalPipeline(frame: Frame, dot: unknown, pipe: PipeNode): unknown {
    let value: unknown = MISSING;
    for (const command of pipe.cmds) value = unwrapInterface(this.evalCommand(frame, dot, command, value));
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(frame, variable, value);
      else frame.vars.push({ name: variable.ident[0]!, value });
    }
    return value;
  }

  private setVar(frame: Frame, variable: VariableNode, value: unknown): void {
    const name = variable.ident[0]!;
    for (let i = frame.vars.length - 1; i >= 0; i--) {
      if (frame.vars[i]!.name === name) {
        frame.vars[i]!.value = value;
        return;
      }
    }
    this.fail(frame, variable, `undefined variable: ${name}`);
  }

  private varValue(frame: Frame, variable: VariableNode): unknown {
    const name = variable.ident[0]!;
    for (let i = frame.vars.length - 1; i >= 0; i--) if (frame.vars[i]!.name === name) return frame.vars[i]!.value;
    this.fail(frame, variable, `undefined variable: ${name}`);
  }

  private notAFunction(frame: Frame, args: readonly Operand[], final: unknown): void {
    if (args.length > 1 || final !== MISSING) this.fail(frame, args[0]!, `can't give argument to non-function ${context(frame.template.text, args[0]!)}`);
  }

  private evalCommand(frame: Frame, dot: unknown, command: CommandNode, final: unknown): unknown {
    this.step();
    const first = command.args[0]!;
    switch (first.kind) {
      case 'field':
        return this.evalFieldChain(frame, dot, dot, first, first.ident, command.args, final);
      case 'chain':
        return this.evalChain(frame, dot, first, command.args, final);
      case 'identifier':
        return this.evalFunction(frame, dot, first, command, command.args, final);
      case 'pipe':
        this.notAFunction(frame, command.args, final);
        return this.evalPipeline(frame, dot, first);
      case 'variable':
        return this.evalVariable(frame, dot, first, command.args, final);
    }
    this.notAFunction(frame, command.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.fail(frame, first, 'nil is not a command');
      case 'number':
        return this.constant(frame, first);
      case 'string':
        return new Traced(first.text, frame.origin(first));
    }
  }

  private constant(frame: Frame, node: NumberNode): Traced {
    return new Traced(node.value, frame.origin(node), node.isFloat ? 'float' : 'int');
  }

  private evalArg(frame: Frame, dot: unknown, node: Operand): unknown {
    switch (node.kind) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(frame, dot, dot, node, node.ident, [node], MISSING);
      case 'variable':
        return this.evalVariable(frame, dot, node, [], MISSING);
      case 'pipe':
        return this.evalPipeline(frame, dot, node);
      case 'identifier':
        return this.evalFunction(frame, dot, node, node, [node], MISSING);
      case 'chain':
        return this.evalChain(frame, dot, node, [], MISSING);
      case 'bool':
        return node.value;
      case 'number':
        return this.constant(frame, node);
      case 'string':
        return new Traced(node.text, frame.origin(node));
    }
  }

  private evalVariable(frame: Frame, dot: unknown, node: VariableNode, args: readonly Operand[], final: unknown): unknown {
    const value = this.varValue(frame, node);
    if (node.ident.length === 1) {
      if (args.length > 1 || final !== MISSING) this.notAFunction(frame, args, final);
      return value;
    }
    return this.evalFieldChain(frame, dot, value, node, node.ident.slice(1), args, final);
  }

  private evalChain(frame: Frame, dot: unknown, chain: ChainNode, args: readonly Operand[], final: unknown): unknown {
    if (chain.node.kind === 'nil') this.fail(frame, chain, `indirection through explicit nil in ${context(frame.template.text, chain)}`);
    const receiver = this.evalArg(frame, dot, chain.node);
    return this.evalFieldChain(frame, dot, receiver, chain, chain.field, args, final);
  }

  private evalFieldChain(frame: Frame, dot: unknown, receiver: unknown, node: FieldNode | VariableNode | ChainNode, ident: readonly string[], args: readonly Operand[], final: unknown): unknown {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(frame, dot, ident[i]!, node, [], MISSING, receiver);
    return this.evalField(frame, dot, ident[ident.length - 1]!, node, args, final, receiver);
  }

  private evalField(frame: Frame, dot: unknown, name: string, node: Span, args: readonly Operand[], final: unknown, receiver: unknown): unknown {
    const inner = unwrap(receiver);
    if (inner === undefined) return undefined;
    if (inner === null) this.fail(frame, node, `nil pointer evaluating interface {}.${name}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (inner instanceof GoObject) {
      const method = inner.methods[name];
      if (method) {
        const argv = args.slice(1).map((arg) => this.evalArg(frame, dot, arg));
        if (final !== MISSING) argv.push(final);
        if (argv.length !== method.arity) this.fail(frame, node, `wrong number of args for ${name}: want ${method.arity} got ${argv.length}`);
        try {
          return method.call(...argv.map(unwrap));
        } catch (error) {
          throw this.callError(frame, node, name, error);
        }
      }
      if (Object.hasOwn(inner.fields, name)) {
        if (hasArgs) this.fail(frame, node, `${name} has arguments but cannot be invoked as function`);
        return inner.fields[name];
      }
      if (inner.options.entries) {
        if (hasArgs) this.fail(frame, node, `${name} is not a method but has arguments`);
        return inner.options.entries().find(([key]) => key === name)?.[1] ?? null;
      }
      this.fail(frame, node, `can't evaluate field ${name} in type ${inner.typeName}`);
    }
    if (isMap(inner)) {
      if (hasArgs) this.fail(frame, node, `${name} is not a method but has arguments`);
      return readEntry(inner, name);
    }
    const literal = receiver instanceof Traced && receiver.origin?.kind === 'template';
    this.fail(frame, node, `can't evaluate field ${name} in type ${literal ? goTypeName(receiver) : 'interface {}'}`);
  }

  private evalFunction(frame: Frame, dot: unknown, node: IdentifierNode, command: CommandNode | IdentifierNode, args: readonly Operand[], final: unknown): unknown {
    const name = node.name;
    const resolved = this.functions.resolve(name);
    if (!resolved) this.fail(frame, node, `${JSON.stringify(name)} is not a defined function`);
    if (resolved.kind === 'unsupported') throw new RenderError('unsupported', `the template function "${name}" is not supported by Ballast's renderer`, frame.origin(node));
    const argNodes = args.slice(1);
    const count = argNodes.length + (final === MISSING ? 0 : 1);
    if (resolved.kind === 'shortCircuit') {
      if (count < 1) this.fail(frame, command, `wrong number of args for ${name}: want at least 1 got 0`);
      let value: unknown;
      for (const arg of argNodes) {
        value = unwrapInterface(this.evalArg(frame, dot, arg));
        if (truth(value) === (name === 'or')) return value;
      }
      return final === MISSING ? value : final;
    }
    if (resolved.kind === 'builtin' || resolved.kind === 'intrinsic') {
      const { minArgs, maxArgs } = resolved.function;
      if (maxArgs === minArgs && count !== minArgs) this.fail(frame, command, `wrong number of args for ${name}: want ${minArgs} got ${count}`);
      if (count < minArgs) this.fail(frame, command, `wrong number of args for ${name}: want at least ${minArgs} got ${count}`);
      if (maxArgs !== undefined && count > maxArgs) this.fail(frame, command, `wrong number of args for ${name}: want ${maxArgs} got ${count}`);
    }
    const argv = argNodes.map((arg) => this.evalArg(frame, dot, arg));
    if (final !== MISSING) argv.push(final);
    try {
      switch (resolved.kind) {
        case 'builtin':
          return resolved.function.run(argv);
        case 'intrinsic':
          return resolved.function.run(argv, this.callContext(frame, name, frame.origin(command)));
        case 'external':
          return callExternal(name, resolved.function, resolved.provenance, argv, (work) => this.step(Math.ceil(work / 64)));
      }
    } catch (error) {
      if (resolved.kind === 'external' && resolved.refused && error instanceof TemplateFunctionError) {
        throw new RenderError('unsupported', error.message, frame.origin(command));
      }
      throw this.callError(frame, command, name, error);
    }
  }

  /** Go's "error calling NAME: ..." for a function's error, at the call. */
  private callError(frame: Frame, node: Span, name: string, error: unknown): unknown {
    if (error instanceof RenderError || error instanceof LoopSignal) return error;
    if (error instanceof RangeError && /call stack/i.test(error.message)) return error;
    if (error instanceof ChartFailure) return new RenderError(error.kind, error.message, frame.origin(node));
    const message = error instanceof Error ? error.message : String(error);
    // Sprig's table words its errors as text/template does already; Go's builtins and Helm's return bare errors.
    const worded = GO_CALL_ERROR.test(message) ? message : `error calling ${name}: ${message}`;
    return new RenderError('execute', `executing ${JSON.stringify(frame.template.name)} at <${context(frame.template.text, node)}>: ${worded}`, frame.origin(node));
  }

  private callContext(frame: Frame, name: string, site: Origin): CallContext {
    return {
      name,
      executeTemplate: (templateName, data) => this.include(frame, templateName, data),
      executeText: (text, data, source) => this.tpl(frame, text, data, source, site),
      step: (count) => this.step(count),
    };
  }

  private include(frame: Frame, name: string, data: unknown): TracedText {
    const template = frame.templates.get(name);
    if (!template) throw new TemplateFunctionError(`template: no template ${JSON.stringify(name)} associated with template "gotpl"`);
    const active = this.includes.get(name) ?? 0;
    if (active > INCLUDE_RECURSION_LIMIT) throw new TemplateFunctionError(`rendering template has a nested reference name: ${name}: unable to execute template`);
    this.includes.set(name, active + 1);
    try {
      const out = new TextBuilder(this);
      this.runTree(template, frame.templates, asDot(data), out, frame.depth + 1);
      return out.build();
    } finally {
      this.includes.set(name, active);
    }
  }

  /** Helm's `tpl`: the text is parsed as a template of its own; its `define`s are visible only inside it. */
  private tpl(frame: Frame, text: string, data: unknown, source: unknown, site: Origin): TracedText {
    const origin = singleOrigin(source) ?? site;
    let trees;
    try {
      trees = parseTemplate(text, 'gotpl', { isFunction: (name) => this.functions.isKnown(name) });
    } catch (error) {
      if (!(error instanceof TemplateParseError)) throw error;
      const kind = error.unsupported ? 'unsupported' : 'parse';
      throw new RenderError(kind, `error calling tpl: cannot parse template ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text)}: ${error.message}`, origin);
    }
    const location: TemplateLocation = { originOf: () => origin };
    const local = new Map([...trees].map(([name, tree]) => [name, { name, root: tree.root, text, location }]));
    const templates: TemplateLookup = { get: (name) => local.get(name) ?? frame.templates.get(name) };
    const out = new TextBuilder(this);
    this.runTree(local.get('gotpl')!, templates, asDot(data), out, frame.depth + 1);
    return removeAll(out.build(), '<no value>');
  }
}

/** Go unwraps a nil interface into an invalid value after each pipeline stage. */
function unwrapInterface(value: unknown): unknown {
  if (value === null) return undefined;
  if (value instanceof Traced && value.value === null) return new Traced(undefined, value.origin, undefined, value.missingPath);
  return value;
}

/** A function argument becomes a template's dot through `reflect.ValueOf`: nil is invalid. */
function asDot(data: unknown): unknown {
  return unwrap(data) === null ? undefined : data;
}

function singleOrigin(value: unknown): Origin | undefined {
  if (value instanceof Traced) return value.origin;
  if (value instanceof TracedText && value.pieces.length === 1 && value.pieces[0]!.origin.kind !== 'missing') return value.pieces[0]!.origin as Origin;
  return undefined;
}

/** The node's source as Go's error context shows it: at most 20 characters. */
function context(text: string, node: Span): string {
  const source = text.slice(node.start, node.end).replace(/\s+/g, ' ').trim();
  const runes = [...source];
  return runes.length > 20 ? `${runes.slice(0, 20).join('')}...` : source;
}
