/** A template function over plain values: strings, numbers, booleans, null, arrays, plain objects. */
export type TemplateFunction = (...args: unknown[]) => unknown;
/** Thrown by a function to stop the template with a message, like Go's error return. */
export class TemplateFunctionError extends Error {}
export type FunctionTable = Readonly<Record<string, TemplateFunction>>;
