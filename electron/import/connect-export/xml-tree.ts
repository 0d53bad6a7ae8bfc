/**
 * Reading fast-xml-parser's untyped output: an element is a string when it has only text, an object
 * when it has attributes or children, and an array when it repeats. These helpers hide the difference.
 */
type XmlObject = Record<string, unknown>;

const isObject = (node: unknown): node is XmlObject => typeof node === 'object' && node !== null && !Array.isArray(node);

export function elements(node: unknown, name: string): unknown[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element reached by following `names` from `node`, or undefined. */
export function element(node: unknown, ...names: string[]): unknown {
  let current = node;
  for (const name of names) {
    current = elements(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Trimmed text content; an empty element gives "". */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isObject(node)) return textOf(node['#text']);
  return '';
}

/** Text of the element reached by `names`, or undefined when the element is absent. */
export function textAt(node: unknown, ...names: string[]): string | undefined {
  const found = element(node, ...names);
  return found === undefined ? undefined : textOf(found);
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (!isObject(node)) return undefined;
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value).trim();
}

/** `<parameter name="…">value</parameter>` lists, keyed by lower-cased name. */
export function parameterValues(node: unknown): Map<string, string> {
  const values = new Map<string, string>();
  for (const parameter of elements(node, 'parameter')) {
    const name = attributeOf(parameter, 'name');
    if (name) values.set(name.toLowerCase(), textOf(parameter));
  }
  return values;
}
