import type { LanguageData } from './language-data.js';

/**
 * Chinese sentence-splitting data. Chinese ends sentences with full-width "。！？" and writes no space after them;
 * "；" ends a clause, not a sentence (sub-paragraphs "(a) …；" are blocks of their own), and "．" is the stop of
 * numbered headings ("二． 维护国际和平与安全"), so neither is a stop. Latin abbreviations turn up in names and
 * references only.
 */
export const zh: LanguageData = {
  code: 'zh',
  abbreviations: ['Mr.', 'Ms.', 'Dr.', 'e.g.', 'i.e.', 'ibid.', 'op. cit.', 'et al.'],
  terminalAbbreviations: ['etc.', 'Inc.', 'Ltd.'],
  numberAbbreviations: ['No.', 'Corr.', 'Add.', 'Rev.', 'p.', 'pp.', 'para.', 'vol.'],
  monthAbbreviations: [],
  labelWords: [],
  ordinalFollowers: [],
  unspacedStops: ['。', '！', '？'],
};
