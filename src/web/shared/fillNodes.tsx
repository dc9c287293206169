/** A catalogue sentence with data in it: the `{name}` places filled with elements (data marked lang="zh-CN"). */
import { Fragment, type ReactNode } from 'react';

export function fillNodes(text: string, params: Record<string, ReactNode>): ReactNode {
  return text.split(/\{(\w+)\}/g).map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{part in params ? params[part] : `{${part}}`}</Fragment> : part));
}

/** Catalogue content (names, guide text, what a person typed) shown as it is, marked as Chinese. */
export function Zh({ children }: { children: ReactNode }) {
  return <span lang="zh-CN">{children}</span>;
}
