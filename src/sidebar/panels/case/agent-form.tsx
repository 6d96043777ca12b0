// The agent's name and employee number, filled from what the page showed (capture
// status / session) and editable; saved into the session with session.set-agent.
import { useEffect, useState } from 'preact/hooks';
import type { AgentIdentity } from '../../../lib/evidence/types';
import { api } from '../../../ui/api';
import { useI18n } from '../../../ui/i18n-context';
import { FlashLine } from '../../components/flash-line';
import { useFlash } from '../../hooks/use-flash';

export function AgentForm({ sessionId, agent, onSaved }: { sessionId: string | null; agent: AgentIdentity | null; onSaved(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(agent?.name ?? '');
  const [employeeId, setEmployeeId] = useState(agent?.employeeId ?? '');
  const [dirty, setDirty] = useState(false);
  const [flash, showFlash] = useFlash();

  useEffect(() => {
    if (dirty) return;
    setName(agent?.name ?? '');
    setEmployeeId(agent?.employeeId ?? '');
  }, [agent?.name, agent?.employeeId, dirty]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!sessionId) return;
    try {
      await api('session.set-agent', { sessionId, agent: { name: name.trim() || null, employeeId: employeeId.trim() || null } });
      setDirty(false);
      showFlash(t('sidebar_agent_saved'));
      onSaved();
    } catch (err) {
      showFlash(t('sidebar_action_failed', (err as Error).message), 'error');
    }
  };

  // An edit marks the form dirty, so what the page shows next does not overwrite it.
  const textField = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        autocomplete="off"
        value={value}
        onInput={(e) => {
          set((e.currentTarget as HTMLInputElement).value);
          setDirty(true);
        }}
      />
    </div>
  );

  return (
    <form class="stack agent-form" onSubmit={onSubmit} aria-labelledby="agent-heading">
      <h2 id="agent-heading" class="section-title">
        {t('sidebar_agent_heading')}
      </h2>
      <div class="form-grid">
        {textField('agent-name', t('sidebar_agent_name'), name, setName)}
        {textField('agent-id', t('sidebar_agent_id'), employeeId, setEmployeeId)}
      </div>
      <div class="row">
        <button type="submit" class="btn btn-primary btn-sm save-agent" disabled={!sessionId}>
          {t('sidebar_save')}
        </button>
        {!sessionId ? <span class="small muted">{t('sidebar_needs_session')}</span> : null}
      </div>
      <FlashLine flash={flash} />
    </form>
  );
}
