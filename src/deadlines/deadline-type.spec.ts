import {
  finalReportReminder,
  followsLifecycleDeadline,
  formatDeadlineType,
  lifecycleDeadline,
  parseDeadlineType,
  type DeadlineType,
} from './deadline-type';

/** Every text a `kind` column holds today, and the type it stands for. */
const STORED: Array<[string, DeadlineType]> = [
  ['information_response', { type: 'lifecycle', deadline: 'information_response' }],
  ['acceptance', { type: 'lifecycle', deadline: 'acceptance' }],
  ['final_report', { type: 'lifecycle', deadline: 'final_report' }],
  ['reminder.final_report.60', { type: 'reminder', report: 'final_report', daysBefore: 60 }],
  ['reminder.final_report.1', { type: 'reminder', report: 'final_report', daysBefore: 1 }],
  ['report_overdue.escalation', { type: 'report_escalation' }],
  ['report_overdue.lapse_proposal', { type: 'report_lapse_proposal' }],
  ['preliminary_reply', { type: 'preliminary_reply' }],
  ['call.opens', { type: 'call_opens' }],
  ['call.closes', { type: 'call_closes' }],
  ['reminder.interim.yearly.14', { type: 'interim_reminder', report: 'yearly', daysBefore: 14 }],
  ['interim_report.overdue.yearly', { type: 'interim_overdue', report: 'yearly' }],
];

describe('deadline types', () => {
  it.each(STORED)('reads the stored kind %s and writes it back unchanged', (text, type) => {
    expect(parseDeadlineType(text)).toEqual(type);
    expect(formatDeadlineType(type)).toBe(text);
  });

  it.each([
    '',
    'reminder',
    'reminder.final_report.',
    'reminder.final_report.0',
    'reminder.final_report.014',
    'reminder.final_report.-3',
    'reminder.final_report.1.5',
    'reminder.acceptance.7',
    'report_overdue.',
    'call.',
    'FINAL_REPORT',
    'constructor',
    'reminder.interim.yearly.0',
    'reminder.interim.Yearly.3',
    'reminder.interim..3',
    'interim_report.overdue.',
    'interim_report.overdue.a.b',
  ])('reads %j as no known type', (text) => {
    expect(parseDeadlineType(text)).toBeNull();
  });

  it('refuses to write a reminder that is not a whole number of days before', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => formatDeadlineType(finalReportReminder(days))).toThrow(RangeError);
    }
  });

  it('refuses to write an interim deadline whose key is not a report key', () => {
    expect(() => formatDeadlineType({ type: 'interim_overdue', report: 'a.b' })).toThrow(RangeError);
    expect(() => formatDeadlineType({ type: 'interim_reminder', report: 'yearly', daysBefore: 0 })).toThrow(
      RangeError,
    );
  });

  it("takes the final report's reminders and follow-ups with the final report, and nothing else", () => {
    const follows = STORED.filter(([, type]) => followsLifecycleDeadline(type, 'final_report')).map(
      ([text]) => text,
    );
    expect(follows).toEqual([
      'final_report',
      'reminder.final_report.60',
      'reminder.final_report.1',
      'report_overdue.escalation',
      'report_overdue.lapse_proposal',
    ]);
    expect(
      STORED.filter(([, type]) => followsLifecycleDeadline(type, 'acceptance')).map(([text]) => text),
    ).toEqual(['acceptance']);
    expect(followsLifecycleDeadline(lifecycleDeadline('acceptance'), 'information_response')).toBe(false);
  });
});
