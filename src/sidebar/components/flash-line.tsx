// The status line under an action: polite for good news, assertive for problems.
import type { Flash } from '../hooks/use-flash';

export function FlashLine({ flash }: { flash: Flash | null }) {
  return (
    <div class="flash-slot" role={flash?.tone === 'error' ? 'alert' : 'status'}>
      {flash ? <p class={`flash flash-${flash.tone}`}>{flash.text}</p> : null}
    </div>
  );
}
