// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { squash, tookText } from '../../../src/content/composer/read-back';
import { offsetOf, pointAt } from '../../../src/content/composer/text-offsets';

describe('tookText', () => {
  const text = '我想申请延期到【占位】。';
  test('insert mode: the text appears once more than before', () => {
    expect(tookText('草稿', '草稿' + text, text, 'insert')).toBe(true);
    expect(tookText('草稿', '草稿', text, 'insert')).toBe(false);
    expect(tookText(text, text, text, 'insert')).toBe(false);
    expect(tookText(text, text + text, text, 'insert')).toBe(true);
  });

  test('replace mode: the editor shows exactly the text', () => {
    expect(tookText('草稿', text, text, 'replace')).toBe(true);
    expect(tookText('草稿', '草稿' + text, text, 'replace')).toBe(false);
  });

  test('editors may turn spaces and newlines into paragraphs and no-break spaces', () => {
    expect(tookText('', 'Hello\u00a0there\ufeff', 'Hello there', 'insert')).toBe(true);
    expect(squash('a\nb c\u200b')).toBe('abc');
  });
});

describe('text offsets survive re-rendered nodes', () => {
  test('offsetOf and pointAt round-trip, skipping contenteditable=false placeholders', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>ab<b>cd</b></p><span contenteditable="false">placeholder</span><p>ef</p></div>';
    const e = document.getElementById('e')!;
    const cd = e.querySelector('b')!.firstChild!;
    expect(offsetOf(e, cd, 1)).toBe(3);
    const [node, offset] = pointAt(e, 5)!;
    expect([node.data, offset]).toEqual(['ef', 1]);
    expect(pointAt(e, 99)).toBeNull();
    // A point given as (element, child index) counts the text before it.
    expect(offsetOf(e, e, 2)).toBe(4);
  });
});
