// A small, namespace-blind view of an XML document for ISO 20022 messages.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail } from './statement.ts';

/** An element: its local name, path for error messages, attributes, text and children. */
export type XmlElement = {
  readonly name: string;
  readonly path: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
};

/**
 * Parses XML into elements with namespace prefixes dropped (banks use `camt:`, `ns2:` or none).
 * A DOCTYPE or ENTITY declaration is refused outright: camt files never need one, and entity
 * expansion is how XXE and "billion laughs" attacks arrive.
 */
export function parseXml(text: string): XmlElement {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration) {
    const line = text.slice(0, declaration.index).split('\n').length;
    fail(
      `XML ${declaration[1]?.toUpperCase()} declarations are refused (XXE protection)`,
      `line ${line}`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(`not well-formed XML: ${valid.err.msg}`, `line ${valid.err.line}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
  });
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = build(nodes, '');
  const root = roots[0];
  if (root === undefined) fail('the XML document has no root element', 'line 1');
  return root;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function build(nodes: readonly OrderedNode[], parentPath: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?')) continue;
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    const path = `${parentPath}/${name}[${index}]`;
    const inner = (node[name] ?? []) as OrderedNode[];
    const text = inner
      .filter((n) => '#text' in n)
      .map((n) => String(n['#text']))
      .join('');
    elements.push({ name, path, attributes: node[':@'] ?? {}, text, children: build(inner, path) });
  }
  return elements;
}

/** The first child element with this local name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All child elements with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el === undefined ? [] : el.children.filter((c) => c.name === name);
}

/** Follows a path of local names ("Refs", "EndToEndId") from an element. */
export function at(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const name of names) current = child(current, name);
  return current;
}

/** The trimmed text at a path, or null when absent or empty. */
export function textAt(el: XmlElement | undefined, ...names: string[]): string | null {
  const text = at(el, ...names)?.text.trim();
  return text === undefined || text === '' ? null : text;
}
