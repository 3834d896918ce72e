/**
 * A strict XML 1.0 reader for tests (saxes rejects what XML forbids), building a small element tree.
 */
import { SaxesParser } from 'saxes';

/** An element with its attributes and children in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

/** A parsed document: its DOCTYPE text (if any) and root element. */
export interface XmlDocument {
  doctype: string | null;
  root: XmlElement;
}

/** Parses `xml` strictly; throws on any well-formedness error, forbidden characters included. */
export function readXml(xml: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let doctype: string | null = null;
  parser.on('doctype', (text) => {
    doctype = text;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [] };
    const parent = stack.at(-1);
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    stack.at(-1)?.children.push(text);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (root === null) throw new Error('no root element');
  return { doctype, root };
}

/** The child elements of `element`, optionally only those named `name`. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

/** The one child element named `name`; throws when there is not exactly one. */
export function only(element: XmlElement, name: string): XmlElement {
  const found = elements(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
  return found[0] as XmlElement; // length is 1, checked above
}

/** The concatenated text content of `element` and its descendants. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
