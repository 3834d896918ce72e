/**
 * The editor's keyboard shortcuts, as data: the page lists them (server side) and the script maps key presses to
 * commands through the same table, so the shortcuts shown are the shortcuts that work.
 */

/** What a shortcut or a toolbar button asks the editor to do. */
export const Command = {
  next: 'next',
  previous: 'previous',
  nextProblem: 'nextProblem',
  previousProblem: 'previousProblem',
  merge: 'merge',
  split: 'split',
  edit: 'edit',
  approve: 'approve',
  reject: 'reject',
  undo: 'undo',
  moveLeftUp: 'moveLeftUp',
  moveLeftDown: 'moveLeftDown',
  moveRightUp: 'moveRightUp',
  moveRightDown: 'moveRightDown',
} as const;
/** See {@link Command}. */
export type Command = (typeof Command)[keyof typeof Command];

/** A key press as KeyboardEvent reports it (`key` is the character or the key's name, e.g. "ArrowUp"). */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** One shortcut: the key, its modifier, and the ARIA `aria-keyshortcuts` spelling of it (WAI-ARIA 1.2 §6.7). */
export interface Shortcut {
  /** What it does. */
  command: Command;
  /** `KeyboardEvent.key` values that trigger it (letters lower case). */
  keys: readonly string[];
  /** Modifier that must be held: none, Shift or Alt. */
  modifier: 'none' | 'shift' | 'alt';
  /** The keys as `aria-keyshortcuts` and the page show them. */
  aria: string;
}

/** Every shortcut, in the order the page lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: Command.next, keys: ['j', 'ArrowDown'], modifier: 'none', aria: 'J ArrowDown' },
  { command: Command.previous, keys: ['k', 'ArrowUp'], modifier: 'none', aria: 'K ArrowUp' },
  { command: Command.nextProblem, keys: ['n'], modifier: 'none', aria: 'N' },
  { command: Command.previousProblem, keys: ['p'], modifier: 'none', aria: 'P' },
  { command: Command.merge, keys: ['m'], modifier: 'none', aria: 'M' },
  { command: Command.split, keys: ['s'], modifier: 'none', aria: 'S' },
  { command: Command.moveLeftUp, keys: ['ArrowUp'], modifier: 'shift', aria: 'Shift+ArrowUp' },
  { command: Command.moveLeftDown, keys: ['ArrowDown'], modifier: 'shift', aria: 'Shift+ArrowDown' },
  { command: Command.moveRightUp, keys: ['ArrowUp'], modifier: 'alt', aria: 'Alt+ArrowUp' },
  { command: Command.moveRightDown, keys: ['ArrowDown'], modifier: 'alt', aria: 'Alt+ArrowDown' },
  { command: Command.edit, keys: ['e'], modifier: 'none', aria: 'E' },
  { command: Command.approve, keys: ['a'], modifier: 'none', aria: 'A' },
  { command: Command.reject, keys: ['r'], modifier: 'none', aria: 'R' },
  { command: Command.undo, keys: ['u'], modifier: 'none', aria: 'U' },
];

/** The command of a key press, or null for a key the editor leaves to the browser (Ctrl and Meta always are). */
export function commandOfKey(press: KeyPress): Command | null {
  if (press.ctrlKey || press.metaKey) return null;
  const modifier = press.altKey ? (press.shiftKey ? null : 'alt') : press.shiftKey ? 'shift' : 'none';
  if (modifier === null) return null;
  // Caps Lock sends "M" for m; Shift+M finds nothing, since only the arrows take Shift.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find((shortcut) => shortcut.modifier === modifier && shortcut.keys.includes(key))?.command ?? null;
}

/** The shortcut of a command (each command has exactly one). */
export function shortcutOf(command: Command): Shortcut {
  const shortcut = SHORTCUTS.find((candidate) => candidate.command === command);
  if (shortcut === undefined) throw new Error(`no shortcut for ${command}`);
  return shortcut;
}
