import { describe, expect, it } from 'vitest';
import type { UnitNode } from '../../api/types';
import { ancestorsOf, branchIds, descendantIds, filterTree, indexTree, key } from './treeUtils';

const node = (id: number, name: string, code: string, children: UnitNode[] = [], parentId?: number): UnitNode => ({
  id,
  name,
  code,
  parentId,
  level: 'DISTRICT',
  active: true,
  children,
});

// Tỉnh Thanh Hóa
// ├─ Huyện Đông Sơn
// │  ├─ Xã Đông Hòa
// │  └─ Xã Đông Tiến
// └─ Huyện Thiệu Hóa
//    └─ Xã Thiệu Giao
const tree: UnitNode[] = [
  node(1, 'Tỉnh Thanh Hóa', 'TH', [
    node(2, 'Huyện Đông Sơn', 'TH-DS', [node(4, 'Xã Đông Hòa', 'TH-DS-DH', [], 2), node(5, 'Xã Đông Tiến', 'TH-DS-DT', [], 2)], 1),
    node(3, 'Huyện Thiệu Hóa', 'TH-TH', [node(6, 'Xã Thiệu Giao', 'TH-TH-TG', [], 3)], 1),
  ]),
];

describe('unit tree helpers', () => {
  it('indexes every node by id', () => {
    const index = indexTree(tree);
    expect(index.size).toBe(6);
    expect(index.get('6')?.name).toBe('Xã Thiệu Giao');
    expect(key(6)).toBe('6');
  });

  it('lists the descendants of a node, not the node itself', () => {
    expect(descendantIds(tree[0]!).sort()).toEqual([2, 3, 4, 5, 6]);
    expect(descendantIds(node(9, 'lá', 'L'))).toEqual([]);
  });

  it('lists the branches (nodes with children) for "expand all"', () => {
    expect(branchIds(tree).sort()).toEqual(['1', '2', '3']);
  });

  it('finds the ancestors, root first', () => {
    const index = indexTree(tree);
    expect(ancestorsOf(index, 4)).toEqual(['1', '2']);
    expect(ancestorsOf(index, 1)).toEqual([]);
    expect(ancestorsOf(index, 99)).toEqual([]);
  });

  it('stops on a cycle in bad data', () => {
    const a = node(10, 'A', 'A', [], 11);
    const b = node(11, 'B', 'B', [], 10);
    expect(ancestorsOf(indexTree([a, b]), 10)).toEqual(['10', '11']);
  });
});

describe('filterTree', () => {
  it('keeps matches with their ancestors, diacritics ignored', () => {
    const result = filterTree(tree, 'dong hoa');
    expect(result).toHaveLength(1);
    const district = result[0]!.children!;
    expect(district.map((n) => n.name)).toEqual(['Huyện Đông Sơn']);
    expect(district[0]!.children!.map((n) => n.name)).toEqual(['Xã Đông Hòa']);
  });

  it('matches codes too', () => {
    const result = filterTree(tree, 'th-th-tg');
    expect(result[0]!.children!.map((n) => n.code)).toEqual(['TH-TH']);
  });

  it('returns the tree itself for an empty filter and nothing for no match', () => {
    expect(filterTree(tree, '  ')).toBe(tree);
    expect(filterTree(tree, 'không có')).toEqual([]);
  });

  it('copes with nodes the server sent without name, code or children', () => {
    expect(filterTree([{ id: 1 }], 'x')).toEqual([]);
    expect(indexTree([{ id: 1 }]).size).toBe(1);
  });
});
