import { Alert, Button } from 'antd';

/**
 * What is picked in the staff list. The batch actions (立案, 交办 of several at once) act on
 * `selectedIds`; picks survive paging, and leaving the tab clears them.
 */
export function SelectionBar({ selectedIds, onClear }: { selectedIds: string[]; onClear: () => void }) {
  if (selectedIds.length === 0) return null;
  return (
    <Alert
      type="info"
      className="gap-bottom"
      data-testid="selection-bar"
      title={`已选择 ${selectedIds.length} 件建议`}
      action={
        <Button size="small" onClick={onClear} data-testid="clear-selection">
          取消选择
        </Button>
      }
    />
  );
}
