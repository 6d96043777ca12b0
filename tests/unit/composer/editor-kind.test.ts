// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { editableRoot, editorKind, isUsableEditable } from '../../../src/content/composer/editor-kind';

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

describe('editorKind', () => {
  test.each([
    ['<textarea id="x"></textarea>', 'textarea'],
    ['<input id="x" type="text">', 'input'],
    ['<div id="x" contenteditable="true" data-lexical-editor="true"></div>', 'lexical'],
    ['<div class="DraftEditor-root"><div id="x" class="public-DraftEditor-content" contenteditable="true"></div></div>', 'draft'],
    ['<div id="x" contenteditable="true" data-slate-editor="true"></div>', 'slate'],
    ['<div id="x" contenteditable="true" class="tiptap ProseMirror"></div>', 'prosemirror'],
    ['<div id="x" contenteditable="true" class="ql-editor"></div>', 'quill'],
    ['<div id="x" contenteditable=""></div>', 'contenteditable'],
  ])('%s is %s', (markup, kind) => {
    html(markup);
    expect(editorKind(document.getElementById('x')!)).toBe(kind);
  });
});

describe('editableRoot', () => {
  test('a text node deep in a rich editor resolves to the editor root', () => {
    html('<div id="root" contenteditable="true" class="ProseMirror"><p><strong id="inner">hi</strong></p></div>');
    expect(editableRoot(document.getElementById('inner'))?.id).toBe('root');
  });

  test('an island marked contenteditable=false is not part of the editor', () => {
    html('<div contenteditable="true"><span contenteditable="false"><b id="chip">@agent</b></span></div>');
    expect(editableRoot(document.getElementById('chip'))).toBeNull();
  });

  test('non-editables have no editable root', () => {
    html('<button id="b">发送</button><input id="c" type="checkbox">');
    expect(editableRoot(document.getElementById('b'))).toBeNull();
    expect(editableRoot(document.getElementById('c'))).toBeNull();
  });
});

describe('isUsableEditable', () => {
  test('disabled, read-only and password fields are not usable', () => {
    html('<textarea id="a" disabled></textarea><textarea id="b" readonly></textarea><input id="c" type="password"><textarea id="d"></textarea>');
    expect(['a', 'b', 'c', 'd'].map((id) => isUsableEditable(document.getElementById(id)!))).toEqual([false, false, false, true]);
  });

  test('an aria-disabled contenteditable is not usable', () => {
    html('<div id="a" contenteditable="true" aria-disabled="true"></div><div id="b" contenteditable="plaintext-only"></div>');
    expect(isUsableEditable(document.getElementById('a')!)).toBe(false);
    expect(isUsableEditable(document.getElementById('b')!)).toBe(true);
  });
});

describe('a document in design mode (the frame KindEditor and UEditor edit)', () => {
  test('its body is the editable root of everything in it, and a usable contenteditable editor', () => {
    html('<p><b id="inner">hi</b></p>');
    document.designMode = 'on';
    try {
      expect(editableRoot(document.getElementById('inner'))).toBe(document.body);
      expect(isUsableEditable(document.body)).toBe(true);
      expect(editorKind(document.body)).toBe('contenteditable');
    } finally {
      document.designMode = 'off';
    }
  });

  test('out of design mode the body is no editable, and a contenteditable inside it stays the root', () => {
    html('<div id="box" contenteditable="true"><b id="inner">hi</b></div>');
    expect(editableRoot(document.body)).toBeNull();
    expect(isUsableEditable(document.body)).toBe(false);
    expect(editableRoot(document.getElementById('inner'))?.id).toBe('box');
  });
});
