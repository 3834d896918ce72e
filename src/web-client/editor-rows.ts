/** The editor's table rows: one per sentence bead, built as nodes (text is never parsed as markup). */
import type { ColumnSides } from '../api/web/row-class.js';
import {
  classifyBead,
  editedIn,
  isProblem,
  sentencesIn,
  type Column,
  type EditorBead,
  type PairFacts,
} from './editor-model.js';
import type { Translate } from './page-messages.js';

/** What the rows are built from besides the beads. */
export interface RowContext {
  facts: PairFacts;
  columns: ColumnSides;
  language: string;
  t: Translate;
}

/** Builds the row of one bead; `data-bead` holds its index. */
export function buildRow(context: RowContext, bead: EditorBead): HTMLTableRowElement {
  const { t } = context;
  const row = document.createElement('tr');
  const classes = ['bead', ...classifyBead(bead, context.facts), `review-${bead.status}`];
  if (isProblem(bead, context.facts)) classes.push('problem');
  if (bead.sourceEdited || bead.targetEdited) classes.push('edited');
  row.className = classes.join(' ');
  row.dataset['bead'] = String(bead.index);
  row.dataset['shape'] = `${bead.sourceCount}-${bead.targetCount}`;
  row.dataset['status'] = bead.status;
  row.tabIndex = -1;

  const number = document.createElement('th');
  number.scope = 'row';
  number.className = 'num';
  number.textContent = String(bead.index + 1);
  if (bead.label !== null) {
    const label = document.createElement('span');
    label.className = 'label muted';
    label.textContent = t('row.label', { label: bead.label });
    number.append(document.createElement('br'), label);
  }
  const confidence = document.createElement('td');
  confidence.className = 'num conf';
  confidence.textContent = new Intl.NumberFormat(context.language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(bead.confidence);
  row.append(number, buildCell(context, bead, 'left'), buildCell(context, bead, 'right'), confidence);
  row.append(buildStatusCell(context, bead));
  return row;
}

function buildCell(context: RowContext, bead: EditorBead, column: Column): HTMLTableCellElement {
  const { t, columns } = context;
  const cell = document.createElement('td');
  const language = column === 'left' ? columns.left : columns.right;
  const sentences = sentencesIn(bead, columns, column);
  cell.dataset['column'] = column;
  if (sentences.length === 0) {
    cell.className = 'text empty-side';
    cell.textContent = t('row.nothingIn', { language: t(`language.${language}`) });
    return cell;
  }
  cell.className = editedIn(bead, columns, column) ? 'text edited-side' : 'text';
  cell.lang = language;
  // The text's own direction (Arabic is right to left), whatever the page's.
  cell.dir = 'auto';
  for (const sentence of sentences) {
    const span = document.createElement('span');
    span.className = 'sentence';
    span.dir = 'auto';
    span.textContent = sentence;
    cell.append(span, ' ');
  }
  return cell;
}

function buildStatusCell(context: RowContext, bead: EditorBead): HTMLTableCellElement {
  const { t } = context;
  const cell = document.createElement('td');
  cell.className = 'review';
  const status = document.createElement('span');
  status.className = `review-status review-status-${bead.status}`;
  status.textContent = t(`status.${bead.status}`);
  cell.append(status);
  if (bead.sourceEdited || bead.targetEdited) {
    const edited = document.createElement('span');
    edited.className = 'edited-mark';
    edited.textContent = t('row.edited');
    cell.append(' ', edited);
  }
  return cell;
}
