import type { Frame } from '../../../api/types';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { THRESHOLD_WORDS, thresholdState, usedPercent, wholePercent } from './frame-figures';

/** `12 %, under 80 %`: the share of the frame used, and the threshold it has reached, in words. */
export function UsedShare({ frame }: { frame: Pick<Frame, 'allocated' | 'committed' | 'disbursed'> }) {
  const { t, language } = useI18n();
  const percent = usedPercent(frame);
  const state = thresholdState(frame);
  return (
    <span className={`frames-state frames-state-${state}`}>
      {percent === null
        ? t('finance.usedNone')
        : `${t('finance.usedShare', { percent: formatNumber(wholePercent(percent), language) })}, ${t(THRESHOLD_WORDS[state])}`}
    </span>
  );
}
