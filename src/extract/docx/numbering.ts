/**
 * Word's automatic numbering (ECMA-376 Part 1, §17.9): reads `word/numbering.xml` and turns each numbered
 * paragraph's `(numId, ilvl)` into the label Word prints ("12.", "(a)", "a)", "iv)").
 */
import { childElement, childElements, childValue, type XmlElement } from './parse-xml.js';

/** One level of a list definition (§17.9.6 `w:lvl`). */
export interface NumberingLevel {
  /** First number of the level. */
  start: number;
  /** `w:numFmt`: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none ... */
  format: string;
  /** `w:lvlText`, with `%1`..`%9` standing for the levels' numbers, e.g. "(%2)". */
  text: string;
  /**
   * `w:lvlRestart`: 0-based level after which this one restarts; -1 never restarts; undefined restarts after any higher
   * level.
   */
  restartAfter: number | undefined;
}

/** A concrete list (`w:num`): its abstract definition and level overrides. */
interface ConcreteList {
  abstractId: string;
  /** Levels redefined by `w:lvlOverride/w:lvl`. */
  levels: Map<number, NumberingLevel>;
  /** Levels restarted by `w:lvlOverride/w:startOverride`, with their start. */
  startOverrides: Map<number, number>;
}

/** The numbering definitions of a document. */
export interface NumberingDefinitions {
  /** Abstract definitions by `w:abstractNumId`. */
  abstract: Map<string, Map<number, NumberingLevel>>;
  /** Concrete lists by `w:numId`. */
  lists: Map<string, ConcreteList>;
}

function readLevel(level: XmlElement): NumberingLevel {
  const restart = childValue(level, 'w:lvlRestart');
  return {
    start: Number.parseInt(childValue(level, 'w:start') ?? '0', 10) || 0,
    format: childValue(level, 'w:numFmt') ?? 'decimal',
    text: childValue(level, 'w:lvlText') ?? '',
    // §17.9.10: 0 means never restart; n restarts after level n (1-based), i.e. after 0-based level n - 1.
    restartAfter: restart === undefined ? undefined : Number.parseInt(restart, 10) - 1,
  };
}

function readLevels(element: XmlElement): Map<number, NumberingLevel> {
  const levels = new Map<number, NumberingLevel>();
  for (const level of childElements(element, 'w:lvl'))
    levels.set(Number.parseInt(level.attributes['w:ilvl'] ?? '0', 10), readLevel(level));
  return levels;
}

/** Reads `word/numbering.xml` (parsed); an absent part gives empty definitions. */
export function readNumbering(root: XmlElement | undefined): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstract: new Map(), lists: new Map() };
  const numbering = root === undefined ? undefined : childElement(root, 'w:numbering');
  if (numbering === undefined) return definitions;
  for (const abstract of childElements(numbering, 'w:abstractNum')) {
    definitions.abstract.set(abstract.attributes['w:abstractNumId'] ?? '', readLevels(abstract));
  }
  for (const num of childElements(numbering, 'w:num')) {
    const list: ConcreteList = {
      abstractId: childValue(num, 'w:abstractNumId') ?? '',
      levels: new Map(),
      startOverrides: new Map(),
    };
    for (const override of childElements(num, 'w:lvlOverride')) {
      const ilvl = Number.parseInt(override.attributes['w:ilvl'] ?? '0', 10);
      const start = childValue(override, 'w:startOverride');
      if (start !== undefined) list.startOverrides.set(ilvl, Number.parseInt(start, 10) || 0);
      const level = childElement(override, 'w:lvl');
      if (level !== undefined) list.levels.set(ilvl, readLevel(level));
    }
    definitions.lists.set(num.attributes['w:numId'] ?? '', list);
  }
  return definitions;
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, digits] of ROMAN) {
    while (rest >= amount) {
      out += digits;
      rest -= amount;
    }
  }
  return out;
}

// §17.18.59 ST_NumberFormat: letters repeat past z ("aa", "bb"), as Word prints them.
function toLetter(value: number): string {
  if (value <= 0) return '';
  const letter = String.fromCharCode(0x61 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** Writes `value` in a `w:numFmt` format; unknown formats fall back to decimal. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return toLetter(value);
    case 'upperLetter':
      return toLetter(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value);
    case 'upperRoman':
      return toRoman(value).toUpperCase();
    case 'decimalZero':
      return value < 10 ? `0${value.toString()}` : value.toString();
    case 'none':
      return '';
    default:
      return value.toString();
  }
}

/** What a numbered paragraph carries: its printed label, or a bullet. */
export interface NumberedLabel {
  /** The label as Word prints it, e.g. "12.", "(a)"; "" for `none`. */
  text: string;
  /** True for `bullet` levels, whose `text` is the bullet character. */
  bullet: boolean;
}

/**
 * Counts paragraphs through the document and returns each one's label. Lists that share an abstract definition
 * continue one another (Word's behaviour), unless a `w:startOverride` restarts them.
 */
export function createNumberingCounter(
  definitions: NumberingDefinitions,
): (numId: string, ilvl: number) => NumberedLabel | null {
  // Counters by list identity: the abstract definition, or the concrete list when it restarts levels.
  const counters = new Map<string, Array<number | undefined>>();
  return (numId, ilvl) => {
    const list = definitions.lists.get(numId);
    if (list === undefined || numId === '0') return null;
    const abstract = definitions.abstract.get(list.abstractId) ?? new Map<number, NumberingLevel>();
    const levelOf = (i: number): NumberingLevel | undefined => list.levels.get(i) ?? abstract.get(i);
    const level = levelOf(ilvl);
    if (level === undefined) return null;
    if (level.format === 'bullet') return { text: level.text, bullet: true };
    const identity =
      list.startOverrides.size > 0 || list.levels.size > 0 ? `num:${numId}` : `abstract:${list.abstractId}`;
    let values = counters.get(identity);
    if (values === undefined) {
      values = [];
      counters.set(identity, values);
    }
    const startOf = (i: number): number => list.startOverrides.get(i) ?? levelOf(i)?.start ?? 1;
    const current = values[ilvl];
    values[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    // §17.9.10: deeper levels restart after this one unless their lvlRestart says otherwise.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restartAfter = levelOf(deeper)?.restartAfter;
      if (restartAfter === undefined || (restartAfter >= 0 && restartAfter >= ilvl)) values[deeper] = undefined;
    }
    const text = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const i = Number(digit) - 1;
      const levelFormat = levelOf(i)?.format ?? 'decimal';
      return formatNumber(values[i] ?? startOf(i), levelFormat);
    });
    return { text, bullet: false };
  };
}
