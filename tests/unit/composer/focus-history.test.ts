// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { lastFocusedEditable, trackFocus } from '../../../src/content/composer/focus-history';

test('remembers the last focused editable when focus moves to a button, another frame or a shadow host', () => {
  document.body.innerHTML = '<textarea id="chat"></textarea><button id="btn">x</button><div id="host"></div>';
  const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
  root.innerHTML = '<div id="inner" contenteditable="true"><p>hi</p></div>';
  trackFocus(window);
  expect(lastFocusedEditable()).toBeNull();

  document.getElementById('chat')!.focus();
  expect(lastFocusedEditable()?.id).toBe('chat');
  document.getElementById('btn')!.focus();
  expect(lastFocusedEditable()?.id).toBe('chat');

  // Focus inside an open shadow root is retargeted to the host at window level; composedPath() sees through.
  (root.getElementById('inner') as HTMLElement).focus();
  expect(lastFocusedEditable()?.id).toBe('inner');

  // A removed editable is forgotten.
  root.getElementById('inner')!.remove();
  expect(lastFocusedEditable()).toBeNull();
});
