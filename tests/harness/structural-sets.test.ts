import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadJusticeLaws, loadUdhr } from '../../harness/structural-sets.js';

// A two-section law in the markup of Justice Laws XML. The English section 2 lists (a) and (b) where the French
// runs one sentence, and the definitions come in each language's alphabetical order.
const ENGLISH = `<Statute><Body>
<Heading><TitleText>Interpretation</TitleText></Heading>
<Section><MarginalNote>Definitions</MarginalNote><Label>1</Label><Text>In this Act,</Text>
<Definition>
<Text><DefinedTermEn>board</DefinedTermEn> means the Water Board. (<DefinedTermFr>office</DefinedTermFr>)</Text>
</Definition>
<Definition>
<Text><DefinedTermEn>river</DefinedTermEn> means a stream. (<DefinedTermFr>cours d’eau</DefinedTermFr>)</Text>
</Definition>
<HistoricalNote><HistoricalNoteSubItem>1990, c. 1, s. 1</HistoricalNoteSubItem></HistoricalNote>
</Section>
<Section><Label>2</Label><Text>The Board shall</Text>
<Paragraph><Label>(a)</Label><Text>keep records; and</Text></Paragraph>
<Paragraph><Label>(b)</Label><Text>publish a report.</Text></Paragraph>
</Section>
</Body></Statute>`;
const FRENCH = `<Statute><Body>
<Heading><TitleText>Définitions</TitleText></Heading>
<Section><MarginalNote>Définitions</MarginalNote><Label>1</Label>
<Text>Les définitions qui suivent s’appliquent à la présente loi.</Text>
<Definition>
<Text><DefinedTermFr>cours d’eau</DefinedTermFr> Un ruisseau. (<DefinedTermEn>river</DefinedTermEn>)</Text>
</Definition>
<Definition>
<Text><DefinedTermFr>office</DefinedTermFr> L’Office des eaux. (<DefinedTermEn>board</DefinedTermEn>)</Text>
</Definition>
</Section>
<Section><Label>2</Label><Text>L’Office tient des registres et publie un rapport.</Text></Section>
</Body></Statute>`;

const root = mkdtempSync(join(tmpdir(), 'paralign-laws-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadJusticeLaws', () => {
  it('renders each law as plain text and pairs its units by label path and defined term', async () => {
    const dir = join(root, 'canada-justice-laws-xml');
    mkdirSync(join(dir, 'eng'), { recursive: true });
    mkdirSync(join(dir, 'fra'), { recursive: true });
    writeFileSync(join(dir, 'eng', 'W-1.xml'), ENGLISH);
    writeFileSync(join(dir, 'fra', 'W-1.xml'), FRENCH);
    const [law, ...others] = await loadJusticeLaws(root);
    expect(others).toEqual([]);
    expect(law?.name).toBe('law W-1');
    expect(law?.target.blocks.map((b) => b.text)).toEqual([
      'Interpretation',
      'Definitions',
      '1 In this Act,',
      'board means the Water Board. (office)',
      'river means a stream. (cours d’eau)',
      '2 The Board shall',
      'keep records; and',
      'publish a report.',
    ]);
    expect(law?.gold).toEqual([
      { source: 'Définitions', target: 'Interpretation' },
      { source: 'Définitions', target: 'Definitions' },
      { source: '1 Les définitions qui suivent s’appliquent à la présente loi.', target: '1 In this Act,' },
      // Paired by the English term, across the two alphabetical orders.
      { source: 'cours d’eau Un ruisseau. (river)', target: 'river means a stream. (cours d’eau)' },
      { source: 'office L’Office des eaux. (board)', target: 'board means the Water Board. (office)' },
      // Structured differently in the two languages: the section and all it holds are one unit a side.
      {
        source: '2 L’Office tient des registres et publie un rapport.',
        target: '2 The Board shall (a) keep records; and (b) publish a report.',
      },
    ]);
  });

  it('finds nothing when the folder is absent', async () => {
    expect(await loadJusticeLaws(join(root, 'nowhere'))).toEqual([]);
  });
});

const declaration = (language: string, title: string, preamble: string[], articles: string[][]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><udhr xml:lang="${language}"><title>${title}</title>` +
  `<preamble><title>P</title>${preamble.map((p) => `<para>${p}</para>`).join('')}</preamble>${articles
    .map(
      (paras, k) =>
        `<article number="${k + 1}"><title>${paras[0]}</title><orderedlist>${paras
          .slice(1)
          .map((p) => `<listitem><para>${p}</para></listitem>`)
          .join('')}</orderedlist></article>`,
    )
    .join('')}</udhr>`;

describe('loadUdhr', () => {
  it('pairs titles, preamble and article paragraphs by position, the known extra paragraph alone', async () => {
    const dir = join(root, 'udhr-unicode');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'udhr_fra.xml'),
      declaration(
        'fr',
        'Déclaration',
        ['Considérant la paix,', 'L’Assemblée'],
        [['Article premier', 'Le comité se réunit.', 'Il adopte son rapport.']],
      ),
    );
    writeFileSync(
      join(dir, 'udhr_eng.xml'),
      declaration(
        'en',
        'Declaration',
        ['Whereas peace,', 'Now, therefore,', 'The Assembly'],
        [['Article 1', 'The committee meets.', 'It adopts its report.']],
      ),
    );
    writeFileSync(
      join(dir, 'udhr_fra.txt'),
      'Déclaration\n\nConsidérant la paix,\n\nL’Assemblée\n\nArticle premier\nLe comité se réunit.\n' +
        'Il adopte son rapport.\n',
    );
    writeFileSync(
      join(dir, 'udhr_eng.txt'),
      'Declaration\n\nWhereas peace,\n\nNow, therefore,\n\nThe Assembly\n\nArticle 1\nThe committee meets.\n' +
        'It adopts its report.\n',
    );
    const udhr = await loadUdhr(root);
    expect(udhr?.gold).toEqual([
      { source: 'Déclaration', target: 'Declaration' },
      { source: 'P', target: 'P' },
      { source: 'Considérant la paix,', target: 'Whereas peace,' },
      { source: null, target: 'Now, therefore,' },
      { source: 'L’Assemblée', target: 'The Assembly' },
      { source: 'Article premier', target: 'Article 1' },
      { source: 'Le comité se réunit.', target: 'The committee meets.' },
      { source: 'Il adopte son rapport.', target: 'It adopts its report.' },
    ]);
    expect(udhr?.source.blocks.some((b) => b.path === 'art:1')).toBe(true);
  });

  it('refuses a section whose paragraph counts differ for an unknown reason', async () => {
    const dir = join(root, 'udhr-broken', 'udhr-unicode');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'udhr_fra.xml'), declaration('fr', 'D', ['Un,', 'Deux,'], []));
    writeFileSync(join(dir, 'udhr_eng.xml'), declaration('en', 'D', ['One,'], []));
    writeFileSync(join(dir, 'udhr_fra.txt'), 'D');
    writeFileSync(join(dir, 'udhr_eng.txt'), 'D');
    await expect(loadUdhr(join(root, 'udhr-broken'))).rejects.toThrow(
      'section preamble: 3 French and 2 English paragraphs',
    );
  });
});
