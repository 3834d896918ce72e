import type { LanguageData } from './language-data.js';

/**
 * Arabic sentence-splitting data. Arabic abbreviates without full stops (د. for doctor is the exception), writes
 * "؟" for "?", and its paragraph labels ("51 -", "ثانيا -") carry no full stop to confuse with a sentence end.
 */
export const ar: LanguageData = {
  code: 'ar',
  abbreviations: ['د.', 'م.', 'ه.', 'هـ.', 'ق.', 'ص.', 'ج.', 'ibid.', 'op. cit.', 'et al.'],
  terminalAbbreviations: [],
  numberAbbreviations: ['No.', 'Corr.', 'Add.', 'Rev.'],
  monthAbbreviations: [],
  labelWords: ['المرفق', 'الفصل', 'الفرع', 'الجزء', 'الجدول', 'الشكل', 'المادة', 'البند'],
  ordinalFollowers: [],
  extraStops: ['؟'],
};
