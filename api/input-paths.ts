/**
 * The `field` of GraphQL's own refusals (a value of the wrong type, an unknown enum value, a missing or unknown
 * input field, a DateTime the scalar refused). graphql-js points at an AST node, or names a variable in its
 * message; docs/api.md wants the argument path the client wrote, e.g. `input.channel` for `registerPetition(input: $i)`
 * with `$i.channel` wrong, the same form as the fields of ./input-rules.ts.
 */
import {
  BREAK,
  GraphQLError,
  isEnumType,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

function isNode(value: unknown, kind: Kind): value is ASTNode & { name: { value: string } } {
  return typeof value === 'object' && value !== null && (value as ASTNode).kind === kind;
}

/** The argument path of a value node: the argument, then input fields and list positions. */
function argumentPath(document: DocumentNode, target: ASTNode): string | undefined {
  let keys: readonly (string | number)[] | undefined;
  visit(document, {
    enter(node, _key, _parent, path) {
      if (node !== target) return undefined;
      keys = [...path];
      return BREAK;
    },
  });
  if (!keys) return undefined;
  let parts: string[] = [];
  let at: unknown = document;
  let previous: string | number | undefined;
  for (const key of keys) {
    at = (at as Record<string | number, unknown>)[key];
    if (isNode(at, Kind.ARGUMENT)) parts = [at.name.value];
    else if (isNode(at, Kind.OBJECT_FIELD)) parts.push(`.${at.name.value}`);
    else if (previous === 'values' && typeof key === 'number') parts.push(`[${key}]`);
    previous = key;
  }
  return parts.length ? parts.join('') : undefined;
}

function firstUsage(document: DocumentNode, variable: string): ASTNode | undefined {
  let usage: ASTNode | undefined;
  visit(document, {
    Variable(node, _key, parent) {
      // The definition `$i: T` holds a Variable node too; a usage sits in an argument or a value.
      if (isNode(parent, Kind.VARIABLE_DEFINITION) || node.name.value !== variable) return undefined;
      usage = node;
      return BREAK;
    },
  });
  return usage;
}

/** The field a GraphQL-level input error is about, or undefined when it is about no one field. */
export function inputFieldOf(error: GraphQLError, document: DocumentNode): string | undefined {
  const { message } = error;
  const requiredArgument = /^(?:Field|Directive) "[^"]+" argument "(\w+)" of type "[^"]+" is required/.exec(message);
  if (requiredArgument) return requiredArgument[1];
  let base: string | undefined;
  const variable = /^Variable "\$(\w+)"/.exec(message);
  if (variable) {
    const usage = firstUsage(document, variable[1]!);
    const inside = new RegExp(` at "${variable[1]}((?:\\.\\w+|\\[\\d+\\])*)"; `).exec(message);
    base = usage && argumentPath(document, usage);
    if (base && inside) base += inside[1];
  } else {
    const node = error.nodes?.at(-1);
    base = node && argumentPath(document, node);
  }
  if (!base) return undefined;
  // A missing field is reported on its object; for a variable, so is an unknown one.
  const missing =
    /Field "(?:\w+\.)?(\w+)" of required type/.exec(message) ??
    (variable ? /Field "(\w+)" is not defined by type/.exec(message) : null);
  return missing ? `${base}.${missing[1]}` : base;
}

/** An unknown enum value answers with the values there are (they are public, in the schema). */
function enumHint(message: string, schema: GraphQLSchema): string {
  const named = /(?:in "(\w+)" enum|Enum "(\w+)" cannot represent)/.exec(message);
  const type = named && schema.getType(named[1] ?? named[2]!);
  if (!isEnumType(type) || message.includes(' One of: ')) return message;
  const values = type
    .getValues()
    .map((v) => v.name)
    .join(', ');
  return `${message.replace(/ Did you mean .*$/, '')} One of: ${values}.`;
}

/**
 * The error with the field it is about and, for an enum, the values there are; `defaults` fill extensions the
 * error lacks (a variable's error comes without a code).
 */
export function withInputField(
  error: GraphQLError,
  document: DocumentNode,
  schema: GraphQLSchema,
  defaults: Record<string, unknown> = {},
): GraphQLError {
  if (error.extensions.field !== undefined) return error;
  const field = inputFieldOf(error, document);
  const message = enumHint(error.message, schema);
  if (!field && message === error.message && Object.keys(defaults).every((key) => key in error.extensions))
    return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...defaults, ...error.extensions, ...(field ? { field } : {}) },
  });
}
