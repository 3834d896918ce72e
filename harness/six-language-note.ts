/**
 * A short UN-style note in the six UN languages, written for the tests (no shared data needed): a title, three
 * numbered paragraphs and three sub-paragraphs under paragraph 2, each language with its own numbering ("1 -" and
 * "(أ)" in Arabic, "a)" in French and Spanish). The Russian version lacks sub-paragraph 2 (c), so that the parity
 * matrix has a gap to find in one version only.
 */
import type { UnLanguage } from '../src/core/model.js';

/** The note's paragraphs in each language, one string a block. */
export const SIX_LANGUAGE_NOTE: Readonly<Record<UnLanguage, readonly string[]>> = {
  en: [
    'Report of the Working Group on Water Resources',
    '1. The Working Group met in Geneva from 3 to 5 May 2021 and adopted its agenda.',
    '2. The Working Group recommended that the Conference:',
    '(a) Invite States to share data on water quality;',
    '(b) Request the secretariat to prepare a report on shared rivers;',
    '(c) Decide to hold its next meeting in 2022.',
    '3. The Chair thanked the participants for their work.',
  ],
  fr: [
    'Rapport du Groupe de travail sur les ressources en eau',
    '1. Le Groupe de travail s’est réuni à Genève du 3 au 5 mai 2021 et a adopté son ordre du jour.',
    '2. Le Groupe de travail a recommandé que la Conférence :',
    'a) Invite les États à partager des données sur la qualité de l’eau ;',
    'b) Prie le secrétariat d’établir un rapport sur les cours d’eau partagés ;',
    'c) Décide de tenir sa prochaine réunion en 2022.',
    '3. Le Président a remercié les participants de leur travail.',
  ],
  es: [
    'Informe del Grupo de Trabajo sobre los Recursos Hídricos',
    '1. El Grupo de Trabajo se reunió en Ginebra del 3 al 5 de mayo de 2021 y aprobó su programa.',
    '2. El Grupo de Trabajo recomendó que la Conferencia:',
    'a) Invitara a los Estados a compartir datos sobre la calidad del agua;',
    'b) Solicitara a la secretaría que preparara un informe sobre los ríos compartidos;',
    'c) Decidiera celebrar su próxima reunión en 2022.',
    '3. El Presidente agradeció a los participantes su labor.',
  ],
  ru: [
    'Доклад Рабочей группы по водным ресурсам',
    '1. Рабочая группа провела совещание в Женеве 3–5 мая 2021 года и утвердила свою повестку дня.',
    '2. Рабочая группа рекомендовала Конференции:',
    'a) предложить государствам обмениваться данными о качестве воды;',
    'b) просить секретариат подготовить доклад о трансграничных реках.',
    '3. Председатель поблагодарил участников за их работу.',
  ],
  ar: [
    'تقرير الفريق العامل المعني بالموارد المائية',
    '1 - اجتمع الفريق العامل في جنيف في الفترة من 3 إلى 5 أيار/مايو 2021 وأقر جدول أعماله.',
    '2 - وأوصى الفريق العامل بأن يقوم المؤتمر بما يلي:',
    '(أ) دعوة الدول إلى تبادل البيانات المتعلقة بنوعية المياه؛',
    '(ب) الطلب إلى الأمانة أن تعد تقريرا عن الأنهار المشتركة؛',
    '(ج) تقرير عقد اجتماعه المقبل في عام 2022.',
    '3 - وشكر الرئيس المشاركين على عملهم.',
  ],
  zh: [
    '水资源问题工作组的报告',
    '1. 工作组于2021年5月3日至5日在日内瓦举行会议，通过了议程。',
    '2. 工作组建议缔约方会议：',
    '(a) 请各国分享关于水质的数据；',
    '(b) 请秘书处编写一份关于共有河流的报告；',
    '(c) 决定于2022年举行下次会议。',
    '3. 主席感谢与会者所做的工作。',
  ],
};

/** The note in `language` as an uploaded text file. */
export function sixLanguageNoteFile(language: UnLanguage): { name: string; bytes: Uint8Array } {
  const text = `${SIX_LANGUAGE_NOTE[language].join('\n\n')}\n`;
  return { name: `note.${language}.txt`, bytes: new TextEncoder().encode(text) };
}
