import { describe, expect, it } from 'vitest';
import { Command, commandOfKey, SHORTCUTS, shortcutOf, type KeyPress } from '../../src/web-client/editor-keys.js';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});

describe('commandOfKey', () => {
  it.each([
    [press('j'), Command.next],
    [press('ArrowDown'), Command.next],
    [press('k'), Command.previous],
    [press('ArrowUp'), Command.previous],
    [press('n'), Command.nextProblem],
    [press('p'), Command.previousProblem],
    [press('m'), Command.merge],
    // Caps Lock on: the letter still works.
    [press('M'), Command.merge],
    [press('s'), Command.split],
    [press('e'), Command.edit],
    [press('a'), Command.approve],
    [press('r'), Command.reject],
    [press('u'), Command.undo],
    [press('ArrowUp', { shiftKey: true }), Command.moveLeftUp],
    [press('ArrowDown', { shiftKey: true }), Command.moveLeftDown],
    [press('ArrowUp', { altKey: true }), Command.moveRightUp],
    [press('ArrowDown', { altKey: true }), Command.moveRightDown],
  ])('maps %o to %s', (key, command) => {
    expect(commandOfKey(key)).toBe(command);
  });

  it.each([
    ['Ctrl+a (select all)', press('a', { ctrlKey: true })],
    ['Meta+r (reload)', press('r', { metaKey: true })],
    ['Shift+M', press('M', { shiftKey: true })],
    ['Alt+Shift+ArrowUp', press('ArrowUp', { altKey: true, shiftKey: true })],
    ['an unmapped letter', press('z')],
    ['Enter', press('Enter')],
  ])('leaves %s to the browser', (_name, key) => {
    expect(commandOfKey(key)).toBeNull();
  });

  it('has one shortcut per command, none shared', () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.command))).toEqual(new Set(Object.values(Command)));
    expect(SHORTCUTS).toHaveLength(Object.values(Command).length);
    const bindings = SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((key) => `${shortcut.modifier}+${key}`));
    expect(new Set(bindings).size).toBe(bindings.length);
    for (const command of Object.values(Command)) expect(shortcutOf(command).command).toBe(command);
  });
});
