/**
 * Correct, approve, re-export through the API alone (issue 17), against the real service: versions with ETags,
 * If-Match and conflicts, every operation, undo, exports that follow the corrections, roles.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveSharedData, sharedDir } from '../../harness/shared-data.js';
import {
  redisAvailable,
  startTestService,
  TEST_ADMIN,
  uploadPair,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';
import { elements, only, readXml, textOf, type XmlElement } from '../core/export/read-xml.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpus = (name: string) => ({
  fr: { name: `${name}-fr.md`, bytes: readFileSync(join(repoRoot, 'corpora', name, 'fr.md')) },
  en: { name: `${name}-en.md`, bytes: readFileSync(join(repoRoot, 'corpora', name, 'en.md')) },
});
const dtdPath = join(sharedDir, 'formats', 'tmx14.dtd');
const tmxCheck = join(sharedDir, 'tools', 'tmx-check');
const haveDtd = haveSharedData('the edited-TMX validity checks', [dtdPath, tmxCheck]);
const xmllintAvailable = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;

interface Segment {
  index: number;
  sourceText: string;
  targetText: string;
  originalSourceText: string | null;
  originalTargetText: string | null;
  confidence: number;
  status: string;
  changedBy: string | null;
  changedAt: string;
  blockBead: number;
  sourceSentences: number[];
  targetSentences: number[];
  sourceSentenceTexts: string[];
  targetSentenceTexts: string[];
}

interface AlignmentBody {
  version: number;
  items: Array<{ index: number; status: string; sourceBlocks: number[]; segments: Segment[] }>;
  total: number;
}

interface ErrorBody {
  error: { code: string; message: string };
}

function segmentsOf(body: AlignmentBody): Segment[] {
  return body.items.flatMap((item) => item.segments);
}

interface Unit {
  /** Seg texts in document order. */
  segs: string[];
  /** Seg texts by xml:lang. */
  text: Record<string, string>;
  props: Record<string, string>;
  attributes: XmlElement['attributes'];
}

/** The `<tu>`s of a TMX, each as its seg texts, props and attributes. */
function unitsOf(tmx: string): Unit[] {
  return elements(only(readXml(tmx).root, 'body'), 'tu').map((tu) => {
    const tuvs = elements(tu, 'tuv');
    return {
      segs: tuvs.map((tuv) => textOf(only(tuv, 'seg'))),
      text: Object.fromEntries(tuvs.map((tuv) => [tuv.attributes['xml:lang'] ?? '', textOf(only(tuv, 'seg'))])),
      props: Object.fromEntries(elements(tu, 'prop').map((prop) => [prop.attributes.type ?? '', textOf(prop)])),
      attributes: tu.attributes,
    };
  });
}

/** The TMX with the dates that change with every save (the header's creationdate) set aside. */
function withoutDates(tmx: string): string {
  return tmx.replace(/ (creationdate|changedate)="\d{8}T\d{6}Z"/g, '');
}

function validate(tmx: string): { dtd: string; check: { status: number | null; output: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-edits-'));
  try {
    const file = join(dir, 'edited.tmx');
    writeFileSync(file, tmx);
    // The TMX names "tmx14.dtd" beside itself in its DOCTYPE, as Java readers resolve it.
    if (existsSync(dtdPath)) copyFileSync(dtdPath, join(dir, 'tmx14.dtd'));
    const dtd = spawnSync('xmllint', ['--noout', '--dtdvalid', dtdPath, file], { encoding: 'utf8' }).stderr;
    const check = spawnSync(tmxCheck, [file], { encoding: 'utf8', timeout: 240_000 });
    return { dtd, check: { status: check.status, output: `${check.stdout}${check.stderr}` } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!redisAvailable)('correcting, approving and re-exporting an alignment through the API', () => {
  let service: TestService;
  let pairId = '';
  let original: AlignmentBody;
  let originalTmx = '';

  const as = (name: string, path: string, init: RequestInit = {}) =>
    service.fetch(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${service.tokens[name] ?? ''}` },
    });
  const edit = (etag: string | null, ops: unknown, user = TEST_ADMIN, headers: Record<string, string> = {}) =>
    as(user, `/v1/pairs/${pairId}/alignment/edits?limit=200`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(etag === null ? {} : { 'if-match': etag }), ...headers },
      body: JSON.stringify(ops),
    });
  const alignment = async (query = ''): Promise<{ etag: string | null; body: AlignmentBody }> => {
    const response = await service.fetch(`/v1/pairs/${pairId}/alignment?limit=200${query}`);
    expect(response.status).toBe(200);
    return { etag: response.headers.get('etag'), body: (await response.json()) as AlignmentBody };
  };
  const text = async (path: string): Promise<string> => {
    const response = await service.fetch(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    service = await startTestService('edits', {
      users: [
        { name: 'rev', role: 'reviewer', collections: ['A'] },
        { name: 'rev-b', role: 'reviewer', collections: ['B'] },
        { name: 'tr', role: 'translator', collections: ['A'] },
        { name: 'term', role: 'terminologist' },
      ],
    });
    const response = await uploadPair(service, corpus('un-note-ctoc-cop-2018'), {}, { collection: 'A' });
    expect(response.status).toBe(202);
    pairId = ((await response.json()) as { pairId: string }).pairId;
    expect((await waitForPair(service, pairId)).status).toBe('done');
    original = (await alignment()).body;
    originalTmx = await text(`/v1/pairs/${pairId}/export.tmx`);
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  it('sends the version as a strong ETag, answers 304 when it has not changed, and reads no version 99', async () => {
    const response = await service.fetch(`/v1/pairs/${pairId}/alignment`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const body = (await response.json()) as AlignmentBody;
    expect(body.version).toBe(1);
    expect(segmentsOf(original).every((segment) => segment.status === 'pending' && segment.changedBy === null)).toBe(
      true,
    );
    // fetch() adds "Cache-Control: no-cache" to a conditional request unless it has one (Fetch standard, HTTP-network-
    // or-cache fetch), and a server must then answer in full: say max-age=0, as a browser revalidating does.
    const again = await service.fetch(`/v1/pairs/${pairId}/alignment`, {
      headers: { 'if-none-match': '"1"', 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    const missing = await service.fetch(`/v1/pairs/${pairId}/alignment?version=99`, {
      headers: { 'accept-language': 'fr' },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).error).toMatchObject({ code: 'VERSION_NOT_FOUND' });
    const pair = (await (await service.fetch(`/v1/pairs/${pairId}`)).json()) as { alignmentVersion: number };
    expect(pair.alignmentVersion).toBe(1);
  });

  it('refuses an edit without If-Match (428), a body not a list (400), an invalid op (422, named)', async () => {
    const merge = [{ op: 'merge', bead: 0 }];
    const noPrecondition = await edit(null, merge, TEST_ADMIN, { 'accept-language': 'fr' });
    expect(noPrecondition.status).toBe(428);
    const refused = ((await noPrecondition.json()) as ErrorBody).error;
    expect(refused.code).toBe('IF_MATCH_REQUIRED');
    expect(refused.message).toContain('If-Match');
    expect((await edit('*', merge)).status).toBe(428);
    for (const body of [{ op: 'merge', bead: 0 }, [], 'merge'])
      expect(((await (await edit('"1"', body)).json()) as ErrorBody).error.code).toBe('EDITS_NOT_ARRAY');
    const broken = await as(TEST_ADMIN, `/v1/pairs/${pairId}/alignment/edits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: '[{"op": "merge",',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe('EDITS_NOT_ARRAY');

    const last = original.items.flatMap((item) => item.segments).length - 1;
    const cases: Array<[unknown[], string, string]> = [
      [
        [
          { op: 'approve', beads: [0] },
          { op: 'merge', bead: last },
        ],
        'Operation 1 (merge)',
        'last bead',
      ],
      [[{ op: 'split', bead: 0, source: 0, target: 0 }], 'Operation 0 (split)', 'split after'],
      [[{ op: 'move', bead: 0, side: 'source', to: 'previous' }], 'Operation 0 (move)', 'no previous bead'],
      [[{ op: 'merge', bead: 5000 }], 'Operation 0 (merge)', 'does not exist'],
      [[{ op: 'edit', bead: 0, side: 'source', text: '  ' }], 'Operation 0 (edit)', 'the text is empty'],
      [[{ op: 'approve', beads: [] }, { op: 'undo' }], 'Operation 0 (approve)', 'at least one bead'],
      [[{ op: 'approve', beads: [0] }, { op: 'undo' }], 'Operation 1 (undo)', 'only operation'],
      [[{ op: 'undo' }], 'Operation 0 (undo)', 'no earlier change'],
      [
        [
          { op: 'approve', beads: [0] },
          { op: 'fuse', bead: 0 },
        ],
        'Operation 1 (fuse)',
        'not a valid operation',
      ],
      [[{ op: 'merge', bead: 0, side: 'source' }], 'Operation 0 (merge)', 'not a valid operation'],
    ];
    for (const [ops, where, why] of cases) {
      const response = await edit('"1"', ops);
      expect(response.status, JSON.stringify(ops)).toBe(422);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe('EDIT_INVALID');
      expect(error.message).toContain(where);
      expect(error.message).toContain(why);
      expect(error.message).not.toContain('\n');
    }
    const french = await edit('"1"', [{ op: 'merge', bead: last }], TEST_ADMIN, { 'accept-language': 'fr' });
    expect(((await french.json()) as ErrorBody).error.message).toMatch(/^L’opération 0 \(merge\) .*le dernier/);
    // Nothing of it was applied: still version 1, still the aligner's beads.
    expect(await alignment()).toEqual({ etag: '"1"', body: original });
  });

  it('merges beads 0 and 1 into a TMX with one unit fewer, and undo gives the TMX back byte for byte', async () => {
    const before = unitsOf(originalTmx);
    const merged = await edit('"1"', [{ op: 'merge', bead: 0 }]);
    expect(merged.status).toBe(200);
    expect(merged.headers.get('etag')).toBe('"2"');
    const body = (await merged.json()) as AlignmentBody;
    expect(body.version).toBe(2);
    const first = segmentsOf(body)[0];
    expect(first).toMatchObject({ sourceSentences: [0, 1], targetSentences: [0, 1], status: 'pending' });
    // Each sentence's own text, where a split would fall.
    const [zeroBefore, oneBefore] = segmentsOf(original);
    expect(first?.sourceSentenceTexts).toEqual([zeroBefore?.sourceText, oneBefore?.sourceText]);
    expect(first?.targetSentenceTexts).toEqual([zeroBefore?.targetText, oneBefore?.targetText]);
    expect(first?.changedBy).toBe(TEST_ADMIN);
    // The paragraph level follows: when the two beads lay in two paragraph beads, those are one now.
    expect(body.total).toBe(original.total - (zeroBefore?.blockBead === oneBefore?.blockBead ? 0 : 1));

    const after = unitsOf(await text(`/v1/pairs/${pairId}/export.tmx`));
    expect(after).toHaveLength(before.length - 1);
    expect(after[0]?.segs).toEqual([0, 1].map((side) => `${before[0]?.segs[side]} ${before[1]?.segs[side]}`));
    expect(after[0]?.attributes.changeid).toBe(TEST_ADMIN);
    expect(after.slice(1).map((unit) => unit.segs)).toEqual(before.slice(2).map((unit) => unit.segs));

    const undone = await edit('"2"', [{ op: 'undo' }]);
    expect(undone.status).toBe(200);
    expect(undone.headers.get('etag')).toBe('"3"');
    const undoneTmx = await text(`/v1/pairs/${pairId}/export.tmx`);
    expect(withoutDates(undoneTmx)).toBe(withoutDates(originalTmx));
    expect(undoneTmx.length).toBe(originalTmx.length);
    expect((await alignment()).body).toEqual({ ...original, version: 3 });

    const history = (await (await service.fetch(`/v1/pairs/${pairId}/alignment/history`)).json()) as {
      version: number;
      items: Array<{ version: number; author: string | null; operations: unknown[]; restores: number | null }>;
    };
    expect(history.version).toBe(3);
    expect(
      history.items.map(({ version, author, operations, restores }) => [version, author, operations, restores]),
    ).toEqual([
      [1, null, [], null],
      [2, TEST_ADMIN, [{ op: 'merge', bead: 0 }], null],
      [3, TEST_ADMIN, [{ op: 'undo' }], 1],
    ]);
    // Version 1 is still the aligner's result, and version 2 the merge.
    expect((await alignment('&version=1')).body).toEqual(original);
    const second = await alignment('&version=2');
    expect(second.etag).toBe('"2"');
    expect(segmentsOf(second.body)[0]?.sourceSentences).toEqual([0, 1]);
    // Nothing left to undo: undoing the undo does not redo.
    expect((await edit('"3"', [{ op: 'undo' }])).status).toBe(422);
  });

  it('lets one of two edits of the same version through; the other hears who won and changes nothing', async () => {
    const { etag } = await alignment();
    const answers = await Promise.all([
      edit(etag, [{ op: 'split', bead: 2, source: 1, target: 0 }]),
      edit(etag, [{ op: 'approve', beads: [1] }], 'rev', { 'accept-language': 'fr' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const loser = answers.find((answer) => answer.status === 412);
    const winner = answers.find((answer) => answer.status === 200);
    const next = winner?.headers.get('etag');
    expect(loser?.headers.get('etag')).toBe(next);
    const { error } = (await loser?.json()) as ErrorBody;
    expect(error.code).toBe('ALIGNMENT_CHANGED');
    const version = Number(next?.replaceAll('"', ''));
    expect(error.message).toContain(`${version}`);
    const now = await alignment();
    expect(now.etag).toBe(next);
    // Exactly one change is in: either the split or the approval, never both, never neither.
    const segments = segmentsOf(now.body);
    const splitIn = segments.length === segmentsOf(original).length + 1;
    const approvalIn = segments.some((segment) => segment.status === 'approved');
    expect(splitIn !== approvalIn).toBe(true);
    // A stale ETag afterwards: 412, and still the same version.
    expect((await edit(etag, [{ op: 'approve', beads: [0] }])).status).toBe(412);
    expect((await alignment()).etag).toBe(next);
    // Back to the aligner's state for the tests that follow.
    expect((await edit(next ?? '', [{ op: 'undo' }])).status).toBe(200);
  });

  it('exports approved units only when asked, with the edited text, status and reviewer in every format', async () => {
    const { etag } = await alignment();
    const corrected = 'Distr.: General (corrected)';
    const response = await edit(
      etag,
      [
        { op: 'edit', bead: 1, side: 'target', text: corrected },
        { op: 'approve', beads: [1, 2] },
        { op: 'reject', beads: [0] },
      ],
      'rev',
    );
    expect(response.status).toBe(200);
    const segments = segmentsOf((await response.json()) as AlignmentBody);
    expect(segments[1]).toMatchObject({
      targetText: corrected,
      originalTargetText: 'Distr.: General',
      status: 'approved',
      confidence: 1,
      changedBy: 'rev',
    });

    const approvedTmx = unitsOf(await text(`/v1/pairs/${pairId}/export.tmx?status=approved`));
    expect(approvedTmx.map((unit) => unit.text.en)).toEqual([corrected, segmentsOf(original)[2]?.targetText]);
    for (const unit of approvedTmx) {
      expect(unit.props['x-review-status']).toBe('approved');
      expect(unit.attributes.changeid).toBe('rev');
      expect(unit.attributes.changedate).toMatch(/^\d{8}T\d{6}Z$/);
    }
    const all = unitsOf(await text(`/v1/pairs/${pairId}/export.tmx`));
    // The rejected bead 0 is left out by default, and in with status=rejected.
    expect(all).toHaveLength(unitsOf(originalTmx).length - 1);
    expect(unitsOf(await text(`/v1/pairs/${pairId}/export.tmx?status=rejected`)).map((unit) => unit.props)).toEqual([
      expect.objectContaining({ 'x-review-status': 'rejected' }),
    ]);
    const bad = await service.fetch(`/v1/pairs/${pairId}/export.tmx?status=approved,maybe`);
    expect(bad.status).toBe(400);

    const tsv = (await text(`/v1/pairs/${pairId}/export.tsv?status=approved`)).split('\n');
    expect(tsv[1]?.split('\t')).toEqual(['Distr. générale', corrected, '1.00', expect.any(String)]);
    const xliff = readXml(await text(`/v1/pairs/${pairId}/export.xliff?status=approved`));
    const units = elements(only(only(xliff.root, 'file'), 'body'), 'trans-unit');
    expect(units.map((unit) => [unit.attributes.approved, textOf(only(unit, 'target'))])).toEqual([
      ['yes', corrected],
      ['yes', segmentsOf(original)[2]?.targetText],
    ]);

    const memory = unitsOf(await text('/v1/tm/export.tmx?status=approved&srcLang=fr'));
    expect(memory.map((unit) => unit.text.en)).toEqual([corrected, segmentsOf(original)[2]?.targetText]);
    expect(memory[0]?.attributes).toMatchObject({ changeid: 'rev', tuid: `${pairId}:1` });
    expect(memory[0]?.attributes.creationdate).toBeUndefined();
    const search = (await (await service.fetch('/v1/tm/search?q=corrected&lang=en')).json()) as { total: number };
    expect(search.total).toBe(1);
  });

  it.skipIf(!xmllintAvailable || !haveDtd)(
    'writes a whole-store TMX with provenance that the DTD and tmx-check accept',
    async () => {
      const tmx = await text('/v1/tm/export.tmx?provenance=true&srcLang=fr&status=pending,approved,rejected');
      const units = unitsOf(tmx);
      // Every unit of the pair, the rejected one too (the whole store keeps a symbol-only unit a pair leaves out).
      expect(units.length).toBeGreaterThanOrEqual(unitsOf(originalTmx).length);
      expect(units.map((unit) => unit.props['x-review-status'])).toContain('rejected');
      for (const unit of units) {
        expect(unit.attributes.creationdate).toMatch(/^\d{8}T\d{6}Z$/);
        expect(unit.attributes.changedate).toMatch(/^\d{8}T\d{6}Z$/);
        expect(unit.props).toMatchObject({
          'x-paralign-collection': 'A',
          'x-paralign-source-file': 'un-note-ctoc-cop-2018-fr.md',
          'x-paralign-target-file': 'un-note-ctoc-cop-2018-en.md',
        });
      }
      const { dtd, check } = validate(tmx);
      expect(dtd).toBe('');
      expect(check.output).toContain('PASS tmx14-dtd');
      expect(check.status, check.output).toBe(0);
    },
    300_000,
  );

  it('lets reviewers and admins edit, within their collections; everyone else reads the history only', async () => {
    const { etag } = await alignment();
    for (const user of ['term', 'tr']) {
      const response = await edit(etag, [{ op: 'approve', beads: [3] }], user);
      expect(response.status, user).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe('FORBIDDEN');
      expect((await as(user, `/v1/pairs/${pairId}/alignment/history`)).status, user).toBe(200);
    }
    // A reviewer of another collection does not see the pair at all.
    expect((await edit(etag, [{ op: 'approve', beads: [3] }], 'rev-b')).status).toBe(404);
    expect((await alignment()).etag).toBe(etag);
    const audit = (await (await service.fetch(`/v1/audit?action=correction&pairId=${pairId}`)).json()) as {
      items: Array<{ actor: string; detail: string }>;
    };
    // One row per edit request that made a version, none for the refused ones.
    const versions = Number(etag?.replaceAll('"', '')) - 1;
    expect(audit.items).toHaveLength(versions);
    expect(audit.items[0]).toMatchObject({ actor: 'rev', detail: `version ${versions + 1}: edit, approve, reject` });
  });

  it("keeps the pair's parity report in step with its corrections, and undo brings the aligner's back", async () => {
    const report = async () =>
      (await (await service.fetch(`/v1/pairs/${pairId}/report`)).json()) as {
        tokenMismatches: { dates: { targetOnly: string[] } }[];
      };
    const before = await report();
    // A reviewer's edit that gets a year wrong: the report reads the edited text and flags the date.
    const { etag, body } = await alignment();
    const year = /\b(19|20)\d\d\b/;
    const dated = segmentsOf(body).find(
      (segment) =>
        year.test(segment.sourceText) && segment.targetText.match(year)?.[0] === segment.sourceText.match(year)?.[0],
    );
    if (dated === undefined) throw new Error('the note has a bead with the same year on both sides');
    const wrong = dated.targetText.replace(year, (found) => String(Number(found) - 1));
    const edited = await edit(etag, [{ op: 'edit', bead: dated.index, side: 'target', text: wrong }]);
    expect(edited.status).toBe(200);
    const after = await report();
    expect(after.tokenMismatches).toHaveLength(before.tokenMismatches.length + 1);
    expect(after.tokenMismatches.flatMap((mismatch) => mismatch.dates.targetOnly)).toContainEqual(
      expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    );
    expect((await edit(edited.headers.get('etag'), [{ op: 'undo' }])).status).toBe(200);
    expect(await report()).toEqual(before);
  });
});
