/**
 * Scoring of n-way units against gold units, the n-way counterpart of Vecalign's strict measure: a unit is right when
 * it holds exactly the gold unit's segments in every language.
 */
import type { LanguageCode } from '../model.js';
import type { PrecisionRecall } from './score-alignment.js';

/** The segments of a unit per language, as {@link MultiUnit.segments}. */
export type UnitSegments = Readonly<Record<LanguageCode, readonly number[]>>;

/** Strict precision and recall over units that link two languages or more, with the counts behind them. */
export interface MultiUnitScores extends PrecisionRecall {
  /** Test units that link two languages or more, and of them those equal to a gold unit. */
  test: number;
  testRight: number;
  /** Gold units that link two languages or more, and of them those found. */
  gold: number;
  goldFound: number;
}

function keyOf(unit: UnitSegments, languages: readonly LanguageCode[]): string {
  return languages.map((language) => [...(unit[language] ?? [])].sort((a, b) => a - b).join(',')).join(':');
}

function links(unit: UnitSegments, languages: readonly LanguageCode[]): boolean {
  return languages.filter((language) => (unit[language] ?? []).length > 0).length >= 2;
}

/**
 * Scores `test` units against `gold` units over `languages`: a unit counts when it has segments in two languages or
 * more (a segment with no counterpart is no link), and is right when a unit of the other list has exactly its
 * segments in every language.
 */
export function scoreMultiUnits(
  gold: readonly UnitSegments[],
  test: readonly UnitSegments[],
  languages: readonly LanguageCode[],
): MultiUnitScores {
  const goldUnits = gold.filter((unit) => links(unit, languages));
  const testUnits = test.filter((unit) => links(unit, languages));
  const goldKeys = new Set(goldUnits.map((unit) => keyOf(unit, languages)));
  const testKeys = new Set(testUnits.map((unit) => keyOf(unit, languages)));
  const testRight = testUnits.filter((unit) => goldKeys.has(keyOf(unit, languages))).length;
  const goldFound = goldUnits.filter((unit) => testKeys.has(keyOf(unit, languages))).length;
  const precision = testUnits.length === 0 ? 0 : testRight / testUnits.length;
  const recall = goldUnits.length === 0 ? 0 : goldFound / goldUnits.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, test: testUnits.length, testRight, gold: goldUnits.length, goldFound };
}
