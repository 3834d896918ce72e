/** A small element tree over saxes, which never loads external entities nor expands DTD-declared ones. */
import { SaxesParser } from 'saxes';
import { InputError } from '../../core/errors.js';

/** An XML element: qualified name as written (`w:p`), attributes, and children in order. */
export interface XmlElement {
  /** Qualified name as written in the file, e.g. `w:p`. */
  name: string;
  /** Attributes by qualified name. */
  attributes: Record<string, string>;
  /** Child elements and text, in document order. */
  children: Array<XmlElement | string>;
}

/**
 * Parses an XML part into a tree; a DOCTYPE (entity declarations) or malformed XML is an {@link InputError} naming
 * `name`.
 */
export function parseXml(xml: string, name: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const parser = new SaxesParser({ xmlns: false });
  let failure: string | null = null;
  parser.on('doctype', () => {
    // Word never writes a DOCTYPE; refusing it rules out entity expansion ("billion laughs") and external entities.
    failure ??= 'it declares a DOCTYPE, which Word documents never contain';
  });
  parser.on('error', (error) => {
    failure ??= error.message.split('\n')[0] ?? 'malformed XML';
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    (stack.at(-1) as XmlElement).children.push(element); // the stack always holds the root
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => {
    (stack.at(-1) as XmlElement).children.push(text); // the stack always holds the root
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error instanceof Error ? (error.message.split('\n')[0] ?? 'malformed XML') : 'malformed XML';
  }
  if (failure !== null) throw new InputError(`${name}: the document is corrupt (${failure})`);
  return root;
}

/** The child elements of `element` named `name`. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

/** The first child element of `element` named `name`, or undefined. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

/** The `w:val` attribute of the child named `name`, or undefined. */
export function childValue(element: XmlElement | undefined, name: string): string | undefined {
  return element === undefined ? undefined : childElement(element, name)?.attributes['w:val'];
}

/** Whether a WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on. */
export function isOn(element: XmlElement | undefined): boolean {
  if (element === undefined) return false;
  const value = element.attributes['w:val'];
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/** All descendant elements named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}
