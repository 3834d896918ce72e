/**
 * The review editor (page /review/{id}/edit): shows every bead of the pair's current version, moves a selection over
 * them, and turns keys, buttons and dialogs into edit requests sent with the version's ETag. A request that finds
 * another version (412) changes nothing: the page says so and offers to reload, never sends it again by itself.
 */
import { describeFailure, postEdits, readAlignment, type ApiContext } from './api-client.js';
import { askSplitPoint, askTexts } from './editor-dialogs.js';
import { Command, commandOfKey } from './editor-keys.js';
import {
  canSplit,
  columnsOf,
  findBead,
  isProblem,
  isRefusal,
  isShown,
  keepSelection,
  planDecision,
  planEdit,
  planMerge,
  planMove,
  planSplit,
  StatusFilter,
  type EditOp,
  type EditorAlignment,
  type EditorBead,
  type PairFacts,
  type Refusal,
} from './editor-model.js';
import { buildRow, type RowContext } from './editor-rows.js';
import { createTranslator, isRecord, readDataJson } from './page-messages.js';

interface EditorState {
  alignment: EditorAlignment | null;
  /** Index of the selected bead, -1 for none. */
  selected: number;
  filter: StatusFilter;
  /** A request or a dialog is under way: commands wait. */
  busy: boolean;
  /** A conflict is shown: edits wait for a reload. */
  conflict: boolean;
}

function start(): void {
  const root = document.getElementById('editor');
  const config = root === null ? null : readDataJson(root, 'editor');
  if (root === null || !isRecord(config) || !isRecord(config['pair'])) return;
  // Written by the server's renderer from its own PairFacts (render-editor-page.ts).
  const facts = config['pair'] as unknown as PairFacts;
  const language = typeof config['language'] === 'string' ? config['language'] : 'en';
  const api: ApiContext = {
    language,
    csrfToken: typeof config['csrfToken'] === 'string' ? config['csrfToken'] : '',
  };
  const t = createTranslator(language, config['messages']);
  const context: RowContext = { facts, columns: columnsOf(facts), language, t };
  const elements = findElements(root);
  const state: EditorState = { alignment: null, selected: -1, filter: StatusFilter.all, busy: false, conflict: false };

  const beads = (): readonly EditorBead[] => state.alignment?.beads ?? [];
  const shown = (bead: EditorBead): boolean => isShown(bead, facts, state.filter);
  const rowOf = (index: number): HTMLTableRowElement | null =>
    elements.rows.querySelector<HTMLTableRowElement>(`tr[data-bead="${index}"]`);

  const announce = (message: string): void => {
    elements.status.textContent = message;
  };
  const showError = (message: string): void => {
    elements.error.textContent = message;
  };

  const select = (index: number, focus = true): void => {
    const previous = rowOf(state.selected);
    previous?.removeAttribute('aria-current');
    if (previous !== null) previous.tabIndex = -1;
    state.selected = index;
    const row = rowOf(index);
    if (row === null) return;
    row.setAttribute('aria-current', 'true');
    row.tabIndex = 0;
    if (focus) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    }
  };

  const render = (): void => {
    const all = beads();
    const rows = all.map((bead) => {
      const row = buildRow(context, bead);
      row.hidden = !shown(bead);
      return row;
    });
    elements.rows.replaceChildren(...rows);
    const visible = all.filter(shown).length;
    elements.count.textContent = t('count', { shown: visible, count: all.length });
    const current = all[state.selected];
    const target =
      current !== undefined && shown(current) ? state.selected : (findBead(all, state.selected - 1, 1, shown) ?? -1);
    select(target, false);
  };

  const load = async (done?: (version: number) => string): Promise<void> => {
    state.busy = true;
    elements.table.setAttribute('aria-busy', 'true');
    const read = await readAlignment(api, facts.id);
    state.busy = false;
    elements.table.removeAttribute('aria-busy');
    if (!read.ok) {
      showError(describeFailure(read, t));
      return;
    }
    state.alignment = read.value;
    state.conflict = false;
    elements.conflict.hidden = true;
    state.selected = keepSelection(state.selected, read.value.beads.length);
    render();
    rowOf(state.selected)?.focus({ preventScroll: true });
    const { version, beads: loaded } = read.value;
    announce(done !== undefined ? done(version) : t('loaded', { version, count: loaded.length }));
  };

  const send = async (ops: EditOp[], done: (version: number) => string): Promise<void> => {
    const alignment = state.alignment;
    if (alignment === null || state.busy) return;
    if (state.conflict) {
      announce(t('reloadFirst'));
      return;
    }
    showError('');
    state.busy = true;
    elements.table.setAttribute('aria-busy', 'true');
    announce(t('saving'));
    const outcome = await postEdits(api, facts.id, alignment.etag, ops);
    state.busy = false;
    elements.table.removeAttribute('aria-busy');
    if (outcome.kind === 'conflict') {
      state.conflict = true;
      elements.conflictMessage.textContent = outcome.message !== '' ? outcome.message : t('conflict');
      elements.conflict.hidden = false;
      announce('');
      elements.reload.focus();
      return;
    }
    if (outcome.kind === 'refused') {
      announce('');
      showError(describeFailure(outcome.failure, t));
      return;
    }
    await load(done);
  };

  const refuse = (refusal: Refusal): void => {
    announce('');
    showError(t(`refuse.${refusal.reason}`, refusal.values));
  };
  const sendPlan = (plan: EditOp[] | Refusal, done: (version: number) => string): void => {
    if (isRefusal(plan)) refuse(plan);
    else void send(plan, done);
  };

  const move = (step: 1 | -1, accept: (bead: EditorBead) => boolean, none: string): void => {
    const found = findBead(beads(), state.selected, step, (bead) => shown(bead) && accept(bead));
    if (found === null) announce(none);
    else select(found);
  };

  const withDialog = async <T>(ask: () => Promise<T | null>, then: (value: T) => void): Promise<void> => {
    state.busy = true;
    const value = await ask();
    state.busy = false;
    rowOf(state.selected)?.focus({ preventScroll: true });
    if (value !== null) then(value);
  };

  const run = (command: Command): void => {
    if (state.busy || state.alignment === null) return;
    // A new command: the last one's error no longer applies.
    showError('');
    const all = beads();
    const i = state.selected;
    const bead = all[i];
    const number = i + 1;
    switch (command) {
      case Command.next:
        return move(1, () => true, t('noNext'));
      case Command.previous:
        return move(-1, () => true, t('noPrevious'));
      case Command.nextProblem:
        return move(1, (candidate) => isProblem(candidate, facts), t('noNextProblem'));
      case Command.previousProblem:
        return move(-1, (candidate) => isProblem(candidate, facts), t('noPreviousProblem'));
      case Command.undo:
        return void send([{ op: 'undo' }], (version) => t('done.undo', { version }));
      case Command.merge:
        return sendPlan(planMerge(all, i), (version) => t('done.merge', { bead: number, next: number + 1, version }));
      case Command.approve:
      case Command.reject:
        return sendPlan(planDecision(all, i, command), (version) => t(`done.${command}`, { bead: number, version }));
      case Command.moveLeftUp:
      case Command.moveLeftDown:
      case Command.moveRightUp:
      case Command.moveRightDown: {
        const column = command === Command.moveLeftUp || command === Command.moveLeftDown ? 'left' : 'right';
        const to = command === Command.moveLeftUp || command === Command.moveRightUp ? 'previous' : 'next';
        return sendPlan(planMove(all, context.columns, i, column, to), (version) =>
          t(`done.move.${to}`, { bead: number, version }),
        );
      }
      case Command.split:
        if (bead === undefined) return refuse({ reason: 'noBead' });
        if (!canSplit(bead)) return refuse({ reason: 'splitOne' });
        return void withDialog(
          () => askSplitPoint(elements.splitDialog, context, bead),
          (point) =>
            void send(planSplit(bead, context.columns, point), (version) => t('done.split', { bead: number, version })),
        );
      case Command.edit:
        if (bead === undefined) return refuse({ reason: 'noBead' });
        return void withDialog(
          () => askTexts(elements.editDialog, context, bead),
          (texts) => {
            const ops = planEdit(bead, context.columns, texts);
            if (ops.length === 0) announce(t('nothingChanged'));
            else void send(ops, (version) => t('done.edit', { bead: number, version }));
          },
        );
    }
  };

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
    const command = commandOfKey(event);
    if (command === null) return;
    event.preventDefault();
    run(command);
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-command]')) {
    button.addEventListener('click', () => {
      const command = Object.values(Command).find((candidate) => candidate === button.dataset['command']);
      if (command !== undefined) run(command);
    });
  }
  elements.rows.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLTableRowElement>('tr[data-bead]') : null;
    if (row !== null) select(Number(row.dataset['bead']));
  });
  elements.rows.addEventListener('dblclick', () => run(Command.edit));
  elements.filter.addEventListener('change', () => {
    const filter = Object.values(StatusFilter).find((candidate) => candidate === elements.filter.value);
    state.filter = filter ?? StatusFilter.all;
    render();
  });
  elements.reload.addEventListener('click', () => void load());
  void load();
}

interface EditorElements {
  rows: HTMLTableSectionElement;
  table: HTMLTableElement;
  status: HTMLElement;
  error: HTMLElement;
  count: HTMLElement;
  conflict: HTMLElement;
  conflictMessage: HTMLElement;
  reload: HTMLButtonElement;
  filter: HTMLSelectElement;
  splitDialog: HTMLDialogElement;
  editDialog: HTMLDialogElement;
}

function findElements(root: HTMLElement): EditorElements {
  const find = <T extends Element>(selector: string, type: new () => T): T => {
    const element = root.querySelector(selector);
    if (!(element instanceof type)) throw new Error(`the editor page has no ${selector}`);
    return element;
  };
  return {
    rows: find('#editor-rows', HTMLTableSectionElement),
    table: find('#editor-table', HTMLTableElement),
    status: find('#editor-status', HTMLElement),
    error: find('#editor-error', HTMLElement),
    count: find('#editor-count', HTMLElement),
    conflict: find('#editor-conflict', HTMLElement),
    conflictMessage: find('#editor-conflict .conflict-message', HTMLElement),
    reload: find('#editor-reload', HTMLButtonElement),
    filter: find('#editor-filter', HTMLSelectElement),
    splitDialog: find('#split-dialog', HTMLDialogElement),
    editDialog: find('#edit-dialog', HTMLDialogElement),
  };
}

// Keys typed into a field are text, not commands.
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

start();
