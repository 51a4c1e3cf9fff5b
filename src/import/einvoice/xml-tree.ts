// A small namespace-aware element tree over fast-xml-parser's ordered output, so that the
// UBL and CII readers match elements by namespace URI and local name, whatever the prefixes.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXml, refuseDtd } from './xml-text.ts';
import type { EInvoiceError } from './types.ts';

/** One XML element with its namespace resolved. Text is the trimmed concatenation of its text nodes. */
export type XmlElement = {
  readonly name: string;
  readonly local: string;
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
};

/** The root element of a well-formed, DTD-free document, or the problem. */
export type XmlParse =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly error: EInvoiceError };

type OrderedNode = Record<string, unknown>;
const attrPrefix = '@_';

/** Decodes and parses XML bytes safely: no DTDs, well-formedness checked with line and column. */
export function parseXml(bytes: Uint8Array): XmlParse {
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return decoded;
  const dtd = refuseDtd(decoded.text);
  if (dtd) return { ok: false, error: dtd };
  if (decoded.text.trim() === '')
    return { ok: false, error: { message: 'the file is empty', where: 'line 1, column 1' } };
  const valid = XMLValidator.validate(decoded.text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = `line ${line}, column ${col ?? 1}`;
    return { ok: false, error: { message: `not well-formed XML: ${msg} (${where})`, where } };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: attrPrefix,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const nodes = parser.parse(decoded.text) as OrderedNode[];
  const rootNode = nodes.find((n) => elementName(n) !== null);
  if (!rootNode)
    return {
      ok: false,
      error: { message: 'the XML has no root element', where: 'line 1, column 1' },
    };
  return { ok: true, root: toElement(rootNode, new Map()) };
}

function elementName(node: OrderedNode): string | null {
  return (
    Object.keys(node).find((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?')) ?? null
  );
}

function toElement(node: OrderedNode, inherited: ReadonlyMap<string, string>): XmlElement {
  const name = elementName(node) ?? '';
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    const attr = key.slice(attrPrefix.length);
    if (attr === 'xmlns') scope.set('', value);
    else if (attr.startsWith('xmlns:')) scope.set(attr.slice(6), value);
    else attrs[localPart(attr)] = value;
  }
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const children: XmlElement[] = [];
  const texts: string[] = [];
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if (typeof child['#text'] === 'string') texts.push(child['#text']);
    else if (elementName(child) !== null) children.push(toElement(child, scope));
  }
  return {
    name,
    local: localPart(name),
    ns: scope.get(prefix) ?? '',
    attrs,
    children,
    text: texts.join(' ').trim(),
  };
}

function localPart(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
