/**
 * The editor's two modal dialogs (native `<dialog>`: focus stays inside, Escape cancels): where to split a bead, and
 * the new text of its sides. Each answers a promise: what the reviewer chose, or null when cancelled.
 */
import {
  defaultSplit,
  editedIn,
  isValidSplit,
  countIn,
  sentencesIn,
  type Column,
  type EditorBead,
  type SplitPoint,
} from './editor-model.js';
import type { RowContext } from './editor-rows.js';

const COLUMNS: readonly Column[] = ['left', 'right'];
/** Characters of a sentence shown beside a split point. */
const EXCERPT_LENGTH = 70;

/** Asks where to split `bead`; null when cancelled. */
export function askSplitPoint(
  dialog: HTMLDialogElement,
  context: RowContext,
  bead: EditorBead,
): Promise<SplitPoint | null> {
  const { t, columns } = context;
  const form = formOf(dialog);
  setText(dialog, 'h2', t('split.title', { bead: bead.index + 1 }));
  const invalid = dialog.querySelector<HTMLElement>('.split-invalid');
  if (invalid !== null) invalid.textContent = '';
  const initial = defaultSplit(bead, columns);
  for (const column of COLUMNS) {
    const box = dialog.querySelector<HTMLElement>(`fieldset[data-column="${column}"] .split-points`);
    if (box === null) continue;
    box.replaceChildren(...splitChoices(context, bead, column, initial[column]));
  }
  const chosen = (): SplitPoint => ({ left: checkedValue(form, 'left'), right: checkedValue(form, 'right') });
  const onSubmit = (event: SubmitEvent): void => {
    const submitter = event.submitter;
    if (!(submitter instanceof HTMLButtonElement) || submitter.value !== 'split') return;
    if (isValidSplit(bead, columns, chosen())) return;
    event.preventDefault();
    if (invalid !== null) invalid.textContent = t('split.invalid');
  };
  form.addEventListener('submit', onSubmit);
  // Start on the point offered: the arrow keys then move it within its side, Tab goes to the other side.
  const offered = form.querySelector<HTMLInputElement>('input[type="radio"]:checked:not([hidden])') ?? undefined;
  return show(dialog, () => form.removeEventListener('submit', onSubmit), offered).then((value) =>
    value === 'split' ? chosen() : null,
  );
}

function splitChoices(context: RowContext, bead: EditorBead, column: Column, initial: number): HTMLElement[] {
  const { t, columns } = context;
  const count = countIn(bead, columns, column);
  if (count === 0) {
    const none = document.createElement('p');
    none.className = 'muted';
    none.textContent = t('split.noSentence');
    const input = radio(column, 0, true);
    input.hidden = true;
    return [none, input];
  }
  // Sentence texts, when the API tells them apart, show where each point falls.
  const texts = sentencesIn(bead, columns, column);
  const known = texts.length === count;
  const edited = editedIn(bead, columns, column);
  return Array.from({ length: count + 1 }, (_unused, kept) => {
    const label = document.createElement('label');
    label.className = 'split-point';
    const input = radio(column, kept, kept === initial);
    const text = document.createElement('span');
    text.dir = 'auto';
    if (kept === 0) text.textContent = t('split.before', { text: excerpt(texts[0] ?? '', 'start') });
    else if (kept === count) text.textContent = t('split.all', { count, text: excerpt(texts.at(-1) ?? '', 'end') });
    else if (known) text.textContent = t('split.after', { count: kept, text: excerpt(texts[kept - 1] ?? '', 'end') });
    else text.textContent = t('split.afterNumber', { count: kept });
    label.append(input, ' ', text);
    // An edited side is one text now: it goes to one part or the other, whole.
    if (edited && kept > 0 && kept < count) input.disabled = true;
    return label;
  });
}

function radio(column: Column, value: number, checked: boolean): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = column;
  input.value = String(value);
  input.checked = checked;
  return input;
}

function checkedValue(form: HTMLFormElement, name: Column): number {
  const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  return input === null ? 0 : Number(input.value);
}

function excerpt(text: string, keep: 'start' | 'end'): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  return keep === 'start' ? `${text.slice(0, EXCERPT_LENGTH)}…` : `…${text.slice(-EXCERPT_LENGTH)}`;
}

/** Asks for the new text of each column of `bead`; null when cancelled. */
export function askTexts(
  dialog: HTMLDialogElement,
  context: RowContext,
  bead: EditorBead,
): Promise<Record<Column, string> | null> {
  const { t, columns } = context;
  const form = formOf(dialog);
  setText(dialog, 'h2', t('edit.title', { bead: bead.index + 1 }));
  const areas = new Map<Column, HTMLTextAreaElement>();
  for (const column of COLUMNS) {
    const area = dialog.querySelector<HTMLTextAreaElement>(`textarea[data-column="${column}"]`);
    if (area === null) continue;
    area.value = sentencesIn(bead, columns, column).join(' ');
    // A side without a sentence has nothing to correct (the API refuses it): move a sentence there instead.
    area.disabled = countIn(bead, columns, column) === 0;
    areas.set(column, area);
  }
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    form.requestSubmit(form.querySelector<HTMLButtonElement>('button[value="save"]'));
  };
  form.addEventListener('keydown', onKey);
  const first = [...areas.values()].find((area) => !area.disabled);
  return show(dialog, () => form.removeEventListener('keydown', onKey), first).then((value) =>
    value === 'save' ? { left: areas.get('left')?.value ?? '', right: areas.get('right')?.value ?? '' } : null,
  );
}

function show(dialog: HTMLDialogElement, cleanUp: () => void, focus?: HTMLElement): Promise<string> {
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        cleanUp();
        resolve(dialog.returnValue);
      },
      { once: true },
    );
    dialog.showModal();
    focus?.focus();
  });
}

function formOf(dialog: HTMLDialogElement): HTMLFormElement {
  const form = dialog.querySelector('form');
  if (form === null) throw new Error(`dialog ${dialog.id} has no form`);
  return form;
}

function setText(root: HTMLElement, selector: string, text: string): void {
  const element = root.querySelector(selector);
  if (element !== null) element.textContent = text;
}
