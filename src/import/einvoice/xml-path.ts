// Path lookups like 'cac:LegalMonetaryTotal/cbc:PayableAmount' where each prefix names a
// namespace URI of the syntax (not of the document), so any prefix the sender chose works.
import type { XmlElement } from './xml-tree.ts';

/** Conventional prefix -> namespace URI of one syntax. */
export type Namespaces = Readonly<Record<string, string>>;

/** Lookups relative to a document root, and the element paths used in error messages. */
export type Doc = {
  readonly root: XmlElement;
  /** All elements along the path (every branch is followed). */
  all(path: string): XmlElement[];
  first(path: string): XmlElement | null;
  /** Trimmed text of the first element on the path that has text, else null. */
  text(path: string): string | null;
  /** The path as shown to people: '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount'. */
  where(path: string): string;
};

/** Builds a Doc; `rootLabel` is how the root appears in paths ('Invoice', 'rsm:CrossIndustryInvoice'). */
export function docOf(root: XmlElement, ns: Namespaces, rootLabel: string): Doc {
  const all = (path: string): XmlElement[] => selectAll([root], path, ns);
  return {
    root,
    all,
    first: (path) => all(path)[0] ?? null,
    text: (path) => all(path).find((e) => e.text !== '')?.text ?? null,
    where: (path) => `/${rootLabel}${path === '' ? '' : '/' + path}`,
  };
}

/** The elements reached from `from` along `path` ('' returns `from`). */
export function selectAll(from: readonly XmlElement[], path: string, ns: Namespaces): XmlElement[] {
  let current = [...from];
  for (const step of path.split('/').filter((s) => s !== '')) {
    const [prefix, local] = step.includes(':') ? step.split(':') : ['', step];
    const uri = ns[prefix ?? ''];
    if (uri === undefined) throw new Error(`unknown prefix in path step ${step}`);
    current = current.flatMap((e) => e.children.filter((c) => c.local === local && c.ns === uri));
  }
  return current;
}
