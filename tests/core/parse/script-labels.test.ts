import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toRomanNumeral } from '../../../src/core/parse/label-words.js';
import { splitLeadingLabel } from '../../../src/core/parse/numbering.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';

// Conventions as printed in the UNPC development set and the UDHR in six languages (our own sentences).
describe('splitLeadingLabel in the other UN languages', () => {
  it.each([
    // Arabic
    ['51 - وواصل الفريق العامل عمله', 'arabic:51', '51 -'],
    ['2- تقرير الأمين العام', 'arabic:2', '2-'],
    ['٣ - تلاحظ الجمعية العامة', 'arabic:3', '٣ -'],
    ['(أ) الأطراف من البلدان النامية', 'lowerLetter:a', '(أ)'],
    ['(ب) الأطراف من البلدان المتقدمة', 'lowerLetter:b', '(ب)'],
    ['(ج) تقييم البرامج', 'lowerLetter:c', '(ج)'],
    ['(هـ) المسائل الأخرى', 'lowerLetter:e', '(هـ)'],
    ["'3` حشد الموارد المالية", 'lowerRoman:iii', "'3`"],
    ['أولا - مقدمة', 'upperRoman:I', 'أولا -'],
    ['ثانياً- عدم الانتشار النووي', 'upperRoman:II', 'ثانياً-'],
    ['ثالثا - التعاون', 'upperRoman:III', 'ثالثا -'],
    ['حادي عشر - مسائل أخرى', 'upperRoman:XI', 'حادي عشر -'],
    ['ألف - تاريخ ومكان انعقاد المؤتمر', 'upperLetter:A', 'ألف -'],
    ['باء - المتكلمون الرئيسيون', 'upperLetter:B', 'باء -'],
    ['المادة 1', 'article:1', 'المادة 1'],
    ['الفصل الأول', 'chapter:1', 'الفصل الأول'],
    ['المرفق الثاني', 'annex:II', 'المرفق الثاني'],
    ['البند 113 (ب) من جدول الأعمال', 'agendaItem:113b', 'البند 113 (ب)'],
    // Chinese
    ['二. 核不扩散', 'upperRoman:II', '二.'],
    ['二． 维护国际和平与安全', 'upperRoman:II', '二．'],
    ['十二、 议事规则的修正', 'upperRoman:XII', '十二、'],
    ['B. 主旨发言者', 'upperLetter:B', 'B.'],
    ['(c) 与全球环境基金共同评价', 'lowerLetter:c', '(c)'],
    ['第一条', 'article:1', '第一条'],
    ['第二十五条', 'article:25', '第二十五条'],
    ['第八章', 'chapter:8', '第八章'],
    ['附件一', 'annex:I', '附件一'],
    ['议程项目113(b)', 'agendaItem:113b', '议程项目113(b)'],
    // Russian: Latin letters, or Cyrillic ones that look Latin
    ['В. Юрисдикция суда', 'upperLetter:B', 'В.'],
    ['А. Членский состав', 'upperLetter:A', 'А.'],
    ['B. Финансовые услуги', 'upperLetter:B', 'B.'],
    ['е) способствовать преемственности', 'lowerLetter:e', 'е)'],
    ['b) разрабатывать и организовывать', 'lowerLetter:b', 'b)'],
    ['Статья 1', 'article:1', 'Статья 1'],
    ['Глава IV', 'chapter:4', 'Глава IV'],
    ['Приложение I', 'annex:I', 'Приложение I'],
    ['Пункт 113(b) повестки дня', 'agendaItem:113b', 'Пункт 113(b)'],
    // Spanish
    ['Artículo 14', 'article:14', 'Artículo 14'],
    ['Capítulo II', 'chapter:2', 'Capítulo II'],
    ['Anexo II', 'annex:II', 'Anexo II'],
    ['Tema 113 b) del programa', 'agendaItem:113b', 'Tema 113 b)'],
    ['c) Los efectos dinámicos', 'lowerLetter:c', 'c)'],
  ])('%s', (line, key, raw) => {
    const found = splitLeadingLabel(line);
    expect(found?.label.key).toBe(key);
    expect(found?.label.raw).toBe(raw);
  });

  it.each([
    // a name with a hyphen, a sentence about a paragraph, a chapter named inside a sentence
    'سيمونا - ميريلا ميكوليسكو (رومانيا)',
    'Пункт 3 резолюции гласит следующее',
    '第八章鼓励区域组织协助维护国际和平与安全',
    'Статья 5 Конвенции предусматривает',
  ])('%s has no label', (line) => {
    expect(splitLeadingLabel(line)).toBeNull();
  });
});

describe('numerals', () => {
  it.each([
    ['十二', 12],
    ['二十五', 25],
    ['一百零三', 103],
    ['十', 10],
    ['三', 3],
  ])('%s is %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('writes roman numerals', () => {
    expect([1, 4, 9, 12, 40, 1990].map(toRomanNumeral)).toEqual(['I', 'IV', 'IX', 'XII', 'XL', 'MCMXC']);
  });
});

const UDHR = new URL('../../../../shared/eval/raw/udhr-unicode/', import.meta.url);
const UDHR_FILES = [
  ['ar', 'udhr_arb'],
  ['es', 'udhr_spa'],
  ['ru', 'udhr_rus'],
  ['zh', 'udhr_cmn_hans'],
] as const;

describe.each(UDHR_FILES)('the UDHR in %s', (language, name) => {
  const path = fileURLToPath(new URL(`${name}.txt`, UDHR));
  const english = fileURLToPath(new URL('udhr_eng.txt', UDHR));
  const present = existsSync(path) && existsSync(english);

  it.skipIf(!present)('has the label paths of the English: its 30 articles', () => {
    const paths = (file: string, code: string): (string | null)[] =>
      parseDocument(readFileSync(file, 'utf8'), { language: code, format: 'text' })
        .blocks.map((block) => block.path)
        .filter((p) => p !== null);
    const own = paths(path, language);
    expect(own).toHaveLength(30);
    expect(own).toEqual(paths(english, 'en'));
  });
});
