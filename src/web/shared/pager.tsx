/**
 * Names for the page buttons of a table's pagination: Ant Design's next and previous buttons are
 * named only by their icons ("right", "left", in English) and page numbers by the bare digit.
 */
import type { PaginationProps } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';
import { activeLang, fill, messages } from './messages/index.ts';

const NAMES = { prev: 'pagerPrev', next: 'pagerNext', 'jump-prev': 'pagerJumpPrev', 'jump-next': 'pagerJumpNext' } as const;

export const pagerItem: NonNullable<PaginationProps['itemRender']> = (page, type, element) => {
  if (!isValidElement(element)) return element;
  const words = messages[activeLang()];
  return cloneElement(element as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': type === 'page' ? fill(words.pagerPage, { n: page }) : words[NAMES[type]] });
};

const PAGE_SIZE = 20;

/** A table's pagination: pages of 20 with named page buttons, or none while everything fits on one. */
export const pages = (rows: number): PaginationProps | false => (rows > PAGE_SIZE ? { pageSize: PAGE_SIZE, itemRender: pagerItem } : false);
