// An inline "are you sure?" (browsers block confirm() in a cross-origin iframe,
// and an inline question is calmer anyway).
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../ui/i18n-context';

export function ConfirmBar({ question, confirmLabel, danger = false, onConfirm, onCancel }: { question: string; confirmLabel: string; danger?: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);
  return (
    <div class="confirm-bar notice" role="alertdialog" aria-label={question} ref={ref}>
      <p>{question}</p>
      <div class="row">
        <button type="button" class={`btn btn-sm ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="btn btn-sm" onClick={onCancel}>
          {t('sidebar_cancel')}
        </button>
      </div>
    </div>
  );
}
