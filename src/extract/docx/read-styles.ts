/** Paragraph styles of `word/styles.xml` as far as extraction needs them: numbering, heading level, bold. */
import { childElement, childElements, childValue, isOn, type XmlElement } from './parse-xml.js';

/** What a paragraph inherits from its style (after following `w:basedOn`). */
export interface ParagraphStyle {
  /** `w:numPr/w:numId` of the style, if it numbers its paragraphs. */
  numId: string | undefined;
  /** `w:numPr/w:ilvl` of the style. */
  ilvl: number | undefined;
  /** 1-based heading level (Heading 1 → 1), or undefined. */
  headingLevel: number | undefined;
  /** Whether the style's runs are bold. */
  bold: boolean;
}

interface RawStyle {
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  headingLevel: number | undefined;
  bold: boolean | undefined;
}

/** Reads the paragraph styles by `w:styleId`, each resolved through its `w:basedOn` chain. */
export function readParagraphStyles(root: XmlElement | undefined): Map<string, ParagraphStyle> {
  const raw = new Map<string, RawStyle>();
  const styles = root === undefined ? undefined : childElement(root, 'w:styles');
  for (const style of styles === undefined ? [] : childElements(styles, 'w:style')) {
    if (style.attributes['w:type'] !== 'paragraph') continue;
    const pPr = childElement(style, 'w:pPr');
    const numPr = pPr === undefined ? undefined : childElement(pPr, 'w:numPr');
    const rPr = childElement(style, 'w:rPr');
    const name = childValue(style, 'w:name')?.toLowerCase() ?? '';
    const outline = childValue(pPr, 'w:outlineLvl');
    const headingMatch = /^heading (\d)$/.exec(name);
    const ilvl = childValue(numPr, 'w:ilvl');
    raw.set(style.attributes['w:styleId'] ?? '', {
      basedOn: childValue(style, 'w:basedOn'),
      numId: childValue(numPr, 'w:numId'),
      ilvl: ilvl === undefined ? undefined : Number.parseInt(ilvl, 10),
      headingLevel: headingMatch
        ? Number(headingMatch[1])
        : outline === undefined
          ? undefined
          : Number.parseInt(outline, 10) + 1,
      bold: rPr === undefined || childElement(rPr, 'w:b') === undefined ? undefined : isOn(childElement(rPr, 'w:b')),
    });
  }
  const resolved = new Map<string, ParagraphStyle>();
  for (const id of raw.keys()) {
    const style: ParagraphStyle = { numId: undefined, ilvl: undefined, headingLevel: undefined, bold: false };
    let bold: boolean | undefined;
    // Walk up the basedOn chain; the nearest definition wins. The visited set stops a cyclic chain.
    const visited = new Set<string>();
    for (let current = raw.get(id); current !== undefined;) {
      style.numId ??= current.numId;
      style.ilvl ??= current.ilvl;
      style.headingLevel ??= current.headingLevel;
      bold ??= current.bold;
      const parent = current.basedOn;
      if (parent === undefined || visited.has(parent)) break;
      visited.add(parent);
      current = raw.get(parent);
    }
    style.bold = bold ?? false;
    resolved.set(id, style);
  }
  return resolved;
}
