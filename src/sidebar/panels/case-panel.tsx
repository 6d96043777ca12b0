// Case: the case profile, the agent's identity and what was agreed.
import type { ProfileState } from '../hooks/use-profile';
import type { TabSession } from '../hooks/use-tab-session';
import { AgentForm } from './case/agent-form';
import { AgreementForm } from './case/agreement-form';
import { ProfileForm } from './case/profile-form';

export function CasePanel({ profile, session }: { profile: ProfileState; session: TabSession }) {
  const refresh = () => void session.refresh();
  return (
    <div class="stack case-panel">
      <ProfileForm profile={profile.profile} save={profile.save} />
      <AgentForm sessionId={session.sessionId} agent={session.agent} onSaved={refresh} />
      <AgreementForm sessionId={session.sessionId} agreement={session.agreement} profile={profile.profile} onSaved={refresh} />
    </div>
  );
}
