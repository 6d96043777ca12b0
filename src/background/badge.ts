// The toolbar badge: recording is always visible to the person.
import browser from '../lib/browser';

export async function showRecordingBadge(tabId: number, recording: boolean): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: recording ? 'REC' : '' });
    if (recording) await browser.action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
    await browser.action.setTitle({
      tabId,
      title: browser.i18n.getMessage(recording ? 'actionTitleRecording' : 'actionTitle') || 'Chat Evidence',
    });
  } catch {
    // The tab may have closed meanwhile; a badge on a gone tab does not matter.
  }
}
