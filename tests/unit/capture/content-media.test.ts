// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { contentMediaOf } from '../../../src/content/capture/content-media';

function rowOf(html: string): Element {
  document.body.innerHTML = `<div class="row">${html}</div>`;
  return document.querySelector('.row')!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('contentMediaOf', () => {
  test('an audio or video element, named by the file its address ends in', () => {
    expect(contentMediaOf(rowOf('<audio src="https://cdn.example.com/v/%E8%AF%B4%E6%98%8E.m4a?t=1"></audio>'), '', false)?.text).toBe('[audio: 说明.m4a]');
    expect(contentMediaOf(rowOf('<video><source src="https://cdn.example.com/guide.mp4"></video>'), '', false)?.text).toBe('[video: guide.mp4]');
    expect(contentMediaOf(rowOf('<audio src="blob:https://x.example/1f2e"></audio>'), '', false)?.text).toBe('[audio]');
  });

  test('a voice bubble of the page’s own making, with the length it shows', () => {
    const row = rowOf('<div class="bubble"><div id="v" class="msg-voice"><i></i><span>0:12</span></div></div>');
    expect(contentMediaOf(row, '', false)).toEqual({ text: '[voice message 0:12]', element: row.querySelector('#v') });
    expect(contentMediaOf(rowOf('<div class="语音">8"</div>'), '8"', false)?.text).toBe('[voice message 8"]');
    expect(contentMediaOf(rowOf('<div class="voiceMessage"></div>'), '', false)?.text).toBe('[voice message]');
  });

  test('not when the row has words of its own, nor for clips in buttons, avatars or hidden parts', () => {
    expect(contentMediaOf(rowOf('<audio src="a.mp3"></audio><p>请听录音</p>'), '请听录音', false)).toBeNull();
    expect(contentMediaOf(rowOf('<div class="audio-call">语音通话已结束 03:12</div>'), '语音通话已结束 03:12', false)).toBeNull();
    expect(contentMediaOf(rowOf('<button><audio src="a.mp3"></audio></button>'), '', false)).toBeNull();
    expect(contentMediaOf(rowOf('<div class="avatar"><video src="a.mp4"></video></div>'), '', false)).toBeNull();
    expect(contentMediaOf(rowOf('<audio hidden src="ding.mp3"></audio>'), '', true)).toBeNull();
    expect(contentMediaOf(rowOf('<div class="bubble"><span>0:12</span></div>'), '', false)).toBeNull();
  });
});
