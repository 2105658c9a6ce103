/**
 * The parse tree of a Go `text/template`, shaped like Go's `text/template/parse` nodes. Every node
 * carries `start`/`end` offsets into the text it was parsed from, so output and errors can point
 * back at the template source.
 */

export interface Span {
  start: number;
  end: number;
}

/** A sequence of nodes: a template body, or the body of an `if`/`with`/`range`/`else`. */
export interface ListNode extends Span {
  kind: 'list';
  nodes: Node[];
}

/** The nodes a list holds. */
export type Node = TextNode | ActionNode | CommentNode | IfNode | WithNode | RangeNode | TemplateNode | BreakNode | ContinueNode;

/** Literal template text, after trim markers have removed whitespace: `text === source.slice(start, end)`. */
export interface TextNode extends Span {
  kind: 'text';
  text: string;
}

/** `{{ pipeline }}`: prints the pipeline's value unless it declares variables. Spans the delimiters. */
export interface ActionNode extends Span {
  kind: 'action';
  pipe: PipeNode;
}

export interface CommentNode extends Span {
  kind: 'comment';
}

export interface IfNode extends Span {
  kind: 'if';
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}

export interface WithNode extends Span {
  kind: 'with';
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}

export interface RangeNode extends Span {
  kind: 'range';
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}

/** `{{ template "name" pipeline }}`, and the invocation half of `{{ block }}`. */
export interface TemplateNode extends Span {
  kind: 'template';
  name: string;
  pipe: PipeNode | undefined;
}

export interface BreakNode extends Span {
  kind: 'break';
}

export interface ContinueNode extends Span {
  kind: 'continue';
}

/** `$x := cmd | cmd | cmd`: optional declarations, then commands joined by `|`. */
export interface PipeNode extends Span {
  kind: 'pipe';
  /** Variables declared (`:=`) or assigned (`=`), as `$name`. */
  decl: VariableNode[];
  isAssign: boolean;
  cmds: CommandNode[];
}

/** One stage of a pipeline: an operand, followed by arguments when it is a function or method. */
export interface CommandNode extends Span {
  kind: 'command';
  args: Operand[];
}

export type Operand = FieldNode | ChainNode | IdentifierNode | PipeNode | VariableNode | DotNode | NilNode | BoolNode | NumberNode | StringNode;

/** `.a.b.c`: `ident` is `['a', 'b', 'c']`. */
export interface FieldNode extends Span {
  kind: 'field';
  ident: string[];
}

/** `$x.a.b`: `ident` is `['$x', 'a', 'b']`; `$` alone is `['$']`. */
export interface VariableNode extends Span {
  kind: 'variable';
  ident: string[];
}

/** `(pipeline).a.b`: fields read from a term that is neither a field nor a variable. */
export interface ChainNode extends Span {
  kind: 'chain';
  node: Operand;
  field: string[];
}

/** A function name. */
export interface IdentifierNode extends Span {
  kind: 'identifier';
  name: string;
}

export interface DotNode extends Span {
  kind: 'dot';
}

export interface NilNode extends Span {
  kind: 'nil';
}

export interface BoolNode extends Span {
  kind: 'bool';
  value: boolean;
}

/**
 * A number constant. Go gives a constant every type it can take; `value` is what it evaluates
 * to on its own, and `isFloat` says whether that is a float64 (`1.5`, `1e3`) rather than an int.
 */
export interface NumberNode extends Span {
  kind: 'number';
  text: string;
  value: number;
  isFloat: boolean;
}

export interface StringNode extends Span {
  kind: 'string';
  /** The unquoted text. */
  text: string;
}

/** A named template: a file's own body, or a `define`/`block`. */
export interface TemplateTree {
  name: string;
  root: ListNode;
}

/** Go's `parse.IsEmptyTree`: only whitespace text and comments. An empty tree never replaces a defined one. */
export function isEmptyTree(node: ListNode | Node): boolean {
  switch (node.kind) {
    case 'list':
      return node.nodes.every(isEmptyTree);
    case 'text':
      return node.text.trim() === '';
    case 'comment':
      return true;
    default:
      return false;
  }
}
