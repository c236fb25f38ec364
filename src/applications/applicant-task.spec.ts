import { defineLifecycle, describeState } from '@lib/engine';
import { reach, SCENARIOS, times, type Scenario } from '../../libs/engine/src/testing/lifecycle.fixtures';
import { applicantTask } from './applications.service';

const lifecycle = defineLifecycle({ id: 'common', version: 1 });

describe("the applicant's next task", () => {
  const expected: Record<Scenario, ReturnType<typeof applicantTask>> = {
    draft: { kind: 'complete_application', dueAt: null },
    applied: null,
    in_review: null,
    awaiting_applicant: { kind: 'answer_information_request', dueAt: times.infoDue },
    recommended_grant: null,
    recommended_rejection: null,
    awaiting_acceptance: { kind: 'accept_grant', dueAt: times.acceptanceDue },
    active: { kind: 'submit_final_report', dueAt: expect.any(String) as string },
    report_review: null,
    settling: null,
    closed: null,
    rejected: null,
    withdrawn: null,
    lapsed: null,
    extension_requested: { kind: 'submit_final_report', dueAt: expect.any(String) as string },
    cancellation_proposed: { kind: 'submit_final_report', dueAt: expect.any(String) as string },
    cancelling: null,
    cancelled: null,
    appeal_lodged: null,
    appeal_reversal_proposed: null,
    appeal_forward_proposed: null,
    appeal_forwarded: null,
    grant_appeal_forwarded: { kind: 'accept_grant', dueAt: times.acceptanceDue },
  };

  it.each(Object.keys(SCENARIOS) as Scenario[])('%s', (scenario) => {
    const stored = reach(lifecycle, scenario);
    expect(applicantTask(describeState(lifecycle, stored), stored.state.context)).toEqual(expected[scenario]);
  });

  it('gives the final report its due date once the grant is accepted', () => {
    const stored = reach(lifecycle, 'active');
    const task = applicantTask(describeState(lifecycle, stored), stored.state.context);
    expect(task?.dueAt).toBe(stored.state.context.finalReportDueAt);
    expect(task?.dueAt).not.toBeNull();
  });
});
