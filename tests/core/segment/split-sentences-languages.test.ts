import { describe, expect, it } from 'vitest';
import { ar } from '../../../src/core/segment/languages/ar.js';
import { es } from '../../../src/core/segment/languages/es.js';
import type { LanguageData } from '../../../src/core/segment/languages/language-data.js';
import { ru } from '../../../src/core/segment/languages/ru.js';
import { zh } from '../../../src/core/segment/languages/zh.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { expectWellFormed } from './expect-well-formed.js';

function sentences(text: string, language: LanguageData): string[] {
  const pieces = splitSentences(text, language);
  expectWellFormed(text, pieces);
  return pieces.map((piece) => piece.text);
}

// Traps modelled on the UNPC development set (../shared/eval/raw/unpc-v1.0-testsets/devset): the sentences are
// our own, the conventions are the ones found there.
describe('splitSentences, Chinese', () => {
  it.each([
    // full-width stops with no space after them
    ['委员会通过了报告。会议于下午结束。', ['委员会通过了报告。', '会议于下午结束。']],
    ['这是为什么？我们需要答案！下一步是什么。', ['这是为什么？', '我们需要答案！', '下一步是什么。']],
    // closing quotes and brackets stay with the sentence
    ['他说：“我们支持该提案。”委员会表示同意。', ['他说：“我们支持该提案。”', '委员会表示同意。']],
    ['主席宣布「会议开幕。」随后通过议程。', ['主席宣布「会议开幕。」', '随后通过议程。']],
    ['报告已分发（见附件）。代表团表示欢迎。', ['报告已分发（见附件）。', '代表团表示欢迎。']],
    // a stop inside a bracket opened mid-sentence ends the bracket only, as in English
    ['报告已分发(见附件。)代表团表示欢迎。', ['报告已分发(见附件。)代表团表示欢迎。']],
    // the semicolon ends a clause, not a sentence
    ['建立专门机构；收集数据；改进培训。', ['建立专门机构；收集数据；改进培训。']],
    // decimals, numbered references and headings with Chinese numerals stay whole
    ['失业率从16.3%降至5.3%。比例上升。', ['失业率从16.3%降至5.3%。', '比例上升。']],
    ['任何工作人员均无资格获得本奖(第2.1条)。', ['任何工作人员均无资格获得本奖(第2.1条)。']],
    ['二． 维护国际和平与安全', ['二． 维护国际和平与安全']],
    ['二. 核不扩散', ['二. 核不扩散']],
    // Latin names and symbols inside Chinese text
    ['见A/70/1号文件。Jack Holland先生发言。', ['见A/70/1号文件。', 'Jack Holland先生发言。']],
  ])('%s', (text, expected) => {
    expect(sentences(text, zh)).toEqual(expected);
  });
});

describe('splitSentences, Arabic', () => {
  it.each([
    ['ما هي الآليات المتاحة؟ وتحلل اللجنة هذه المسألة.', ['ما هي الآليات المتاحة؟', 'وتحلل اللجنة هذه المسألة.']],
    ['وقد عقد الاجتماع في جنيف. واعتمد التقرير.', ['وقد عقد الاجتماع في جنيف.', 'واعتمد التقرير.']],
    // Arabic-Indic digits, paragraph numbers with a dash and the Arabic comma
    [
      '٣ - تلاحظ الجمعية العامة، مع التقدير، التعاون الجاري.',
      ['٣ - تلاحظ الجمعية العامة، مع التقدير، التعاون الجاري.'],
    ],
    // a right-to-left mark after the stop
    ['اعتمدت اللجنة القرار.\u200f وأعربت عن شكرها.', ['اعتمدت اللجنة القرار.\u200f', 'وأعربت عن شكرها.']],
    // a document symbol keeps its stops
    ['انظر الوثيقة E/CN.4/2005/L.10 للاطلاع على التفاصيل.', ['انظر الوثيقة E/CN.4/2005/L.10 للاطلاع على التفاصيل.']],
  ])('%s', (text, expected) => {
    expect(sentences(text, ar)).toEqual(expected);
  });
});

describe('splitSentences, Russian', () => {
  it.each([
    [
      'Сумма в 10 600 долл. США испрашивается для этой цели.',
      ['Сумма в 10 600 долл. США испрашивается для этой цели.'],
    ],
    [
      'Финляндия внесла 1,5 млн. евро. Программа продолжается.',
      ['Финляндия внесла 1,5 млн. евро.', 'Программа продолжается.'],
    ],
    [
      'Заседание открыто в 11 ч. 00 м. Председатель выступил.',
      ['Заседание открыто в 11 ч. 00 м.', 'Председатель выступил.'],
    ],
    [
      'Письмо распространено (см. приложение). Совет принял к сведению.',
      ['Письмо распространено (см. приложение).', 'Совет принял к сведению.'],
    ],
    ['Он был установлен в 1765 году, т.е. до войны.', ['Он был установлен в 1765 году, т.е. до войны.']],
    ['Площадь составляет 948,2 кв. км. Население растет.', ['Площадь составляет 948,2 кв. км.', 'Население растет.']],
    ['См. ст. 5 Конвенции. Комиссия согласилась.', ['См. ст. 5 Конвенции.', 'Комиссия согласилась.']],
    ['Выступил проф. Иванов. Затем выступил А. Петров.', ['Выступил проф. Иванов.', 'Затем выступил А. Петров.']],
    [
      'Текст приведен в приложении I. Комиссия одобрила его.',
      ['Текст приведен в приложении I.', 'Комиссия одобрила его.'],
    ],
  ])('%s', (text, expected) => {
    expect(sentences(text, ru)).toEqual(expected);
  });
});

describe('splitSentences, Spanish', () => {
  it.each([
    [
      'El Sr. Nduhungirehe indicó que el Excmo. Sr. Ayoko había llegado.',
      ['El Sr. Nduhungirehe indicó que el Excmo. Sr. Ayoko había llegado.'],
    ],
    [
      'Véase la duración de la detención (párr. 154). El Comité lo lamenta.',
      ['Véase la duración de la detención (párr. 154).', 'El Comité lo lamenta.'],
    ],
    [
      'La preparación del Suplemento núm. 18 dependerá de ello.',
      ['La preparación del Suplemento núm. 18 dependerá de ello.'],
    ],
    [
      'Objetivos de desarrollo sostenible: ¿qué se necesitará? ¡Todo! Así es.',
      ['Objetivos de desarrollo sostenible: ¿qué se necesitará?', '¡Todo!', 'Así es.'],
    ],
    [
      'La Sra. García habló. ¿Quién sigue? El representante de EE. UU. respondió.',
      ['La Sra. García habló.', '¿Quién sigue?', 'El representante de EE. UU. respondió.'],
    ],
    [
      'Figuran en el cuadro (pág. 33). Los datos son de 2014.',
      ['Figuran en el cuadro (pág. 33).', 'Los datos son de 2014.'],
    ],
  ])('%s', (text, expected) => {
    expect(sentences(text, es)).toEqual(expected);
  });
});
