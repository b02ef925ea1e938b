// The one input listener of the app: Ink key → key name → operation for the current context
// (help overlay, then screen, then global) → controller.
import { useCallback } from 'react';
import { useInput, type Key } from 'ink';
import type { Controller } from '../../app/controller.js';
import type { KeyBinding } from '../../keymap/key-table.js';
import { keyNameFromInk } from '../../keymap/key-names.js';
import { resolveKey, type InputScope } from '../../keymap/resolve-key.js';

/** Routes every keypress through the key table to the controller. */
export function useKeyboard(
  bindings: readonly KeyBinding[],
  scope: InputScope,
  controller: Controller,
): void {
  const { screen, isHelpOpen } = scope;
  const handleInput = useCallback(
    (input: string, key: Key) => {
      const handleOne = (text: string, inkKey: Key): void => {
        const name = keyNameFromInk(text, inkKey);
        const typed = inkKey.ctrl || inkKey.meta ? '' : text;
        const resolution = resolveKey(bindings, { screen, isHelpOpen }, name, typed);
        if (resolution.kind === 'operation') controller.perform(resolution.op, resolution.count);
        else if (resolution.kind === 'text') controller.type(resolution.text);
      };
      // Keys typed faster than a frame (or a key held down) can arrive as one chunk: outside the
      // search field, treat every character as its own keypress.
      const chars = [...input];
      if (
        chars.length > 1 &&
        screen !== 'search' &&
        !key.ctrl &&
        !key.meta &&
        keyNameFromInk(input, key) === null
      ) {
        for (const char of chars) handleOne(char, { ...key, shift: /[A-Z]/.test(char) });
        return;
      }
      handleOne(input, key);
    },
    [bindings, screen, isHelpOpen, controller],
  );
  useInput(handleInput);
}
