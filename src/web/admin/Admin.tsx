/** Admin: being built (issue 4). */
import { Result } from 'antd';

export default function Admin() {
  return <Result status="info" title="即将上线" subTitle="该功能正在建设中，可先通过 /docs 中的接口办理，或到综合窗口办理。" />;
}
