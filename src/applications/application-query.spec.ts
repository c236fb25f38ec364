import { STATUSES, statesTagged, statusTag } from '@lib/engine';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { SUB_STATES } from './application.dto';

describe('the status filter of the work queue', () => {
  it("offers exactly the sub-states of every registered scheme's machine", () => {
    const nested = new Set<string>();
    for (const scheme of new SchemeRegistry().all())
      for (const status of STATUSES)
        for (const state of statesTagged(scheme.lifecycle, statusTag(status)))
          if (state.includes('.')) nested.add(state);
    expect([...nested].sort()).toEqual([...SUB_STATES].sort());
  });
});
