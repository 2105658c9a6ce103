import {
  isEmptyTree,
  type CommandNode,
  type ListNode,
  type Node,
  type Operand,
  type PipeNode,
  type Span,
  type TemplateNode,
  type TemplateTree,
  type VariableNode,
} from './ast';
import { lex, type Token, type TokenType } from './lexer';
import { parseNumber, unquoteString } from './literals';

/**
 * Parses a Go template into named trees, as Go's `text/template/parse` does: the file's own body
 * under `name`, and one tree per `define` and `block`. The same checks run as in Go: declared
 * variables, `break`/`continue` inside `range`, `else`/`end` placement, known functions.
 */

/** A parse error, with the offsets of the token it is about and Go's message. */
export class TemplateParseError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
    /** Valid Go, but a construct this renderer does not evaluate; `message` names it. */
    readonly unsupported = false,
  ) {
    super(message);
  }
}

export interface ParseOptions {
  /** Whether an identifier names a function; Go rejects unknown functions when it parses. */
  isFunction(name: string): boolean;
}

/** Trees by name. Throws TemplateParseError. */
export function parseTemplate(text: string, name: string, options: ParseOptions): Map<string, TemplateTree> {
  const trees = new Map<string, TemplateTree>();
  new Parser(lex(text), options, trees).parseFile(name);
  return trees;
}

/** The `{{end}}` and `{{else}}` markers that end a list; they never reach a finished tree. */
interface EndMarker extends Span {
  kind: 'end' | 'else';
  /** For `{{else if}}` / `{{else with}}`, the keyword left pending. */
  chained: boolean;
}

class Parser {
  private index = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly options: ParseOptions,
    private readonly trees: Map<string, TemplateTree>,
  ) {}

  parseFile(name: string): void {
    const nodes: Node[] = [];
    const start = this.peek().start;
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.index;
        this.next();
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition(this.tokens[delim]!);
          continue;
        }
        this.index = delim;
      }
      const node = this.textOrAction();
      if (isEndMarker(node)) this.fail(`unexpected {{${node.kind}}}`, node);
      else nodes.push(node);
    }
    this.add({ name, root: { kind: 'list', nodes, start, end: this.peek().end } }, this.peek());
  }

  // ---- tokens -------------------------------------------------------------------------------

  /** The pending token; past the end, the final `eof` (or lexing `error`, which stops the parse). */
  private peek(): Token {
    const token = this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
    if (token.type === 'error') throw new TemplateParseError(token.value, token.start, token.end);
    return token;
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private nextNonSpace(): Token {
    let token = this.next();
    while (token.type === 'space') token = this.next();
    return token;
  }

  /** Skips spaces and returns the token after them, leaving it pending. */
  private peekNonSpace(): Token {
    while (this.peek().type === 'space') this.index++;
    return this.peek();
  }

  private backup(): void {
    this.index--;
  }

  private fail(message: string, at: Span): never {
    throw new TemplateParseError(message, at.start, at.end);
  }

  private unexpected(token: Token, context: string): never {
    if (token.type === 'eof') this.fail(`unexpected EOF in ${context}`, token);
    this.fail(`unexpected ${describe(token)} in ${context}`, token);
  }

  private expect(type: TokenType, context: string): Token {
    const token = this.nextNonSpace();
    if (token.type !== type) this.unexpected(token, context);
    return token;
  }

  // ---- trees --------------------------------------------------------------------------------

  /** Go's `Tree.add`: a second non-empty definition of a name in one parse is an error. */
  private add(tree: TemplateTree, at: Span): void {
    const existing = this.trees.get(tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.trees.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.fail(`template: multiple definition of template ${JSON.stringify(tree.name)}`, at);
  }

  /** `{{define "name"}} ... {{end}}`: its own tree, with its own variables. */
  private parseDefinition(delim: Token): void {
    const context = 'define clause';
    const nameToken = this.nextNonSpace();
    if (nameToken.type !== 'string' && nameToken.type !== 'rawString') this.unexpected(nameToken, context);
    const name = this.unquote(nameToken);
    this.expect('rightDelim', context);
    const outerVars = this.vars;
    const outerRange = this.rangeDepth;
    this.vars = ['$'];
    this.rangeDepth = 0;
    const { list, end } = this.itemList();
    if (end.kind !== 'end') this.fail(`unexpected {{else}} in ${context}`, end);
    this.vars = outerVars;
    this.rangeDepth = outerRange;
    this.add({ name, root: list }, { start: delim.start, end: end.end });
  }

  /** Nodes up to an `{{end}}` or `{{else}}`, which is returned separately. */
  private itemList(): { list: ListNode; end: EndMarker } {
    const nodes: Node[] = [];
    const start = this.peekNonSpace().start;
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (isEndMarker(node)) return { list: { kind: 'list', nodes, start, end: node.start }, end: node };
      nodes.push(node);
    }
    this.fail('unexpected EOF', this.peek());
  }

  private textOrAction(): Node | EndMarker {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'text':
        return { kind: 'text', text: token.value, start: token.start, end: token.end };
      case 'leftDelim':
        return this.action(token);
      case 'comment':
        return { kind: 'comment', start: token.start, end: token.end };
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(delim: Token): Node | EndMarker {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl(delim);
      case 'break':
      case 'continue':
        return this.loopControl(delim, token);
      case 'else':
        return this.elseControl(delim);
      case 'end': {
        const close = this.expect('rightDelim', 'end');
        return { kind: 'end', chained: false, start: delim.start, end: close.end };
      }
      case 'if':
      case 'with':
      case 'range':
        return this.control(token.type, delim);
      case 'template':
        return this.templateControl(delim);
    }
    this.backup();
    const pipe = this.pipeline('command', 'rightDelim');
    return { kind: 'action', pipe, start: delim.start, end: this.tokens[this.index - 1]!.end };
  }

  private loopControl(delim: Token, keyword: Token): Node {
    const close = this.nextNonSpace();
    if (close.type !== 'rightDelim') this.unexpected(close, `{{${keyword.type}}}`);
    if (this.rangeDepth === 0) this.fail(`{{${keyword.type}}} outside {{range}}`, keyword);
    return { kind: keyword.type as 'break' | 'continue', start: delim.start, end: close.end };
  }

  private elseControl(delim: Token): EndMarker {
    const peek = this.peekNonSpace();
    // `{{else if}}` and `{{else with}}` leave the keyword pending: they read as {{else}}{{if ...}}.
    if (peek.type === 'if' || peek.type === 'with') return { kind: 'else', chained: true, start: delim.start, end: peek.start };
    const close = this.expect('rightDelim', 'else');
    return { kind: 'else', chained: false, start: delim.start, end: close.end };
  }

  /** `if`, `with` and `range`: a pipeline, a list, maybe an `else` list, then `{{end}}`. */
  private control(kind: 'if' | 'with' | 'range', delim: Token): Node {
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, 'rightDelim');
    if (kind === 'range') this.rangeDepth++;
    const { list, end } = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: ListNode | undefined;
    let close: Span = end;
    if (end.kind === 'else') {
      const pending = this.peek();
      if (end.chained && ((kind === 'if' && pending.type === 'if') || (kind === 'with' && pending.type === 'with'))) {
        this.next();
        // The chained if/with consumes the single {{end}} that closes the whole chain.
        const nested = this.control(kind, { ...pending, start: end.start });
        elseList = { kind: 'list', nodes: [nested], start: end.start, end: nested.end };
        close = nested;
      } else {
        const rest = this.itemList();
        if (rest.end.kind !== 'end') this.fail('expected end; found {{else}}', rest.end);
        elseList = rest.list;
        close = rest.end;
      }
    }
    this.vars.length = mark;
    return { kind, pipe, list, elseList, start: delim.start, end: close.end };
  }

  private templateControl(delim: Token): TemplateNode {
    const context = 'template clause';
    const name = this.templateName(this.nextNonSpace(), context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', name, pipe, start: delim.start, end: this.tokens[this.index - 1]!.end };
  }

  /** `{{block "name" pipeline}} body {{end}}`: defines `name` and invokes it. */
  private blockControl(delim: Token): TemplateNode {
    const context = 'block clause';
    const name = this.templateName(this.nextNonSpace(), context);
    const pipe = this.pipeline(context, 'rightDelim');
    const headerEnd = this.tokens[this.index - 1]!.end;
    const outerVars = this.vars;
    const outerRange = this.rangeDepth;
    this.vars = ['$'];
    this.rangeDepth = 0;
    const { list, end } = this.itemList();
    if (end.kind !== 'end') this.fail(`unexpected {{else}} in ${context}`, end);
    this.vars = outerVars;
    this.rangeDepth = outerRange;
    this.add({ name, root: list }, end);
    return { kind: 'template', name, pipe, start: delim.start, end: headerEnd };
  }

  private templateName(token: Token, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquote(token);
  }

  private unquote(token: Token): string {
    const text = unquoteString(token.value);
    if (text === undefined) this.fail('invalid syntax', token);
    return text;
  }

  // ---- pipelines ----------------------------------------------------------------------------

  /** `declarations? command ('|' command)*`, up to `end` (a right delimiter or paren). */
  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { kind: 'pipe', decl: [], isAssign: false, cmds: [], start: first.start, end: first.start };
    this.declarations(pipe, context);
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context, token);
        pipe.end = end === 'rightParen' ? token.end : (pipe.cmds.at(-1)?.end ?? pipe.end);
        return pipe;
      }
      switch (token.type) {
        case 'bool':
        case 'char':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const variable = this.peekNonSpace();
      if (variable.type !== 'variable') return;
      const restart = this.index;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.declare(variable));
        return;
      }
      if (next.type === 'comma') {
        this.nextNonSpace();
        pipe.decl.push(this.declare(variable));
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.fail('range can only initialize variables', this.peekNonSpace());
        }
        this.fail(`too many declarations in ${context}`, next);
      }
      this.index = restart;
      return;
    }
  }

  /** Go records assigned variables like declared ones; assigning an undeclared one fails when run. */
  private declare(token: Token): VariableNode {
    this.vars.push(token.value);
    return { kind: 'variable', ident: [token.value], start: token.start, end: token.end };
  }

  private checkPipeline(pipe: PipeNode, context: string, at: Token): void {
    if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`, at);
    pipe.cmds.slice(1).forEach((command, i) => {
      const kind = command.args[0]!.kind;
      if (kind === 'bool' || kind === 'dot' || kind === 'nil' || kind === 'number' || kind === 'string') {
        this.fail(`non executable command in pipeline stage ${i + 2}`, command);
      }
    });
  }

  /** Space-separated operands up to `|`, which it consumes, or a closing delimiter, which it leaves. */
  private command(): CommandNode {
    const start = this.peekNonSpace().start;
    const args: Operand[] = [];
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (args.length === 0) this.fail('empty command', this.peek());
    return { kind: 'command', args, start, end: args.at(-1)!.end };
  }

  /** A term followed by `.Field`s. */
  private operand(): Operand | undefined {
    const term = this.term();
    if (!term || this.peek().type !== 'field') return term;
    const fields: string[] = [];
    let end = term.end;
    while (this.peek().type === 'field') {
      const field = this.next();
      fields.push(field.value.slice(1));
      end = field.end;
    }
    switch (term.kind) {
      case 'field':
        return { kind: 'field', ident: [...term.ident, ...fields], start: term.start, end };
      case 'variable':
        return { kind: 'variable', ident: [...term.ident, ...fields], start: term.start, end };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.fail(`unexpected . after term ${JSON.stringify(sourceOf(term, this.tokens))}`, term);
      default:
        return { kind: 'chain', node: term, field: fields, start: term.start, end };
    }
  }

  private term(): Operand | undefined {
    const token = this.nextNonSpace();
    const span = { start: token.start, end: token.end };
    switch (token.type) {
      case 'identifier':
        if (!this.options.isFunction(token.value)) this.fail(`function ${JSON.stringify(token.value)} not defined`, token);
        return { kind: 'identifier', name: token.value, ...span };
      case 'dot':
        return { kind: 'dot', ...span };
      case 'nil':
        return { kind: 'nil', ...span };
      case 'variable':
        return this.useVariable(token);
      case 'field':
        return { kind: 'field', ident: token.value.slice(1).split('.'), ...span };
      case 'bool':
        return { kind: 'bool', value: token.value === 'true', ...span };
      case 'char':
      case 'number': {
        const number = parseNumber(token.value, token.type === 'char');
        if ('error' in number) this.fail(number.error, token);
        if ('unsupported' in number) throw new TemplateParseError(number.unsupported, token.start, token.end, true);
        return { kind: 'number', text: token.value, value: number.value, isFloat: number.isFloat, ...span };
      }
      case 'leftParen': {
        const pipe = this.pipeline('parenthesized pipeline', 'rightParen');
        pipe.start = token.start;
        return pipe;
      }
      case 'string':
      case 'rawString':
        return { kind: 'string', text: this.unquote(token), ...span };
    }
    this.backup();
    return undefined;
  }

  private useVariable(token: Token): VariableNode {
    const name = token.value.split('.')[0]!;
    if (!this.vars.includes(name)) this.fail(`undefined variable ${JSON.stringify(name)}`, token);
    return { kind: 'variable', ident: token.value.split('.'), start: token.start, end: token.end };
  }
}

function isEndMarker(node: Node | EndMarker): node is EndMarker {
  return 'chained' in node;
}

/** A token as Go's parser names it in errors: keywords as `<if>`, the rest quoted, long text cut at 10 characters. */
function describe(token: Token): string {
  if (token.type === 'eof') return 'EOF';
  if (token.type === 'dot') return '<.>';
  if (token.type === 'nil' || token.type === token.value) return `<${token.value}>`;
  const value = token.type === 'rightDelim' ? '}}' : token.type === 'leftDelim' ? '{{' : token.value;
  return value.length > 10 ? `${JSON.stringify(value.slice(0, 10))}...` : JSON.stringify(value);
}

function sourceOf(node: Span, tokens: Token[]): string {
  return tokens
    .filter((token) => token.start >= node.start && token.end <= node.end)
    .map((token) => token.value)
    .join('');
}
