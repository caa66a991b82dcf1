import { Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { SearchProps } from 'antd/es/input';

/**
 * antd's search field with its button named: the bare icon button has no accessible name, and its
 * icon would be read as "search". The field itself is named by its placeholder unless told otherwise.
 */
export function SearchBox({ placeholder, label, ...props }: SearchProps & { label?: string }) {
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      aria-label={label ?? placeholder}
      enterButton={<Button aria-label="搜索" icon={<SearchOutlined aria-hidden="true" />} />}
      {...props}
    />
  );
}
