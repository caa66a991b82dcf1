import { Tag, Tooltip } from 'antd';

/** Why a due time is marked 暂定, in the words a reader needs to trust (or not yet trust) it. */
export const PROVISIONAL_EXPLANATION =
  '该年度国务院放假通知尚未载入：此期限按《全国年节及纪念日放假办法》规定的法定节假日推算，不含调休安排。正式通知载入后将自动重新计算，改动记入办理过程。';

/** A small 暂定 tag beside a due time that may still move. */
export function ProvisionalTag() {
  return (
    <Tooltip title={PROVISIONAL_EXPLANATION}>
      <Tag color="gold" data-testid="provisional-tag">
        暂定
      </Tag>
    </Tooltip>
  );
}
