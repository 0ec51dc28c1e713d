import type { UnitNode } from '../../api/types';
import { LevelBadge } from '../../components/Badges';
import { useI18n } from '../../lib/i18n';
import { key } from './treeUtils';

interface UnitTreeProps {
  nodes: UnitNode[];
  expanded: ReadonlySet<string>;
  /** when filtering, every branch is shown open */
  forceOpen: boolean;
  selectedId: string | null;
  onToggle: (id: string) => void;
  onSelect: (node: UnitNode) => void;
}

/** The collapsible unit tree. Each row carries data-testid="unit-node". */
export function UnitTree(props: UnitTreeProps) {
  const { t } = useI18n();
  return (
    <ul className="unit-tree" aria-label={t('admin:units.tree')}>
      {props.nodes.map((n) => (
        <UnitTreeItem key={key(n.id)} node={n} depth={0} {...props} />
      ))}
    </ul>
  );
}

function UnitTreeItem({ node, depth, ...props }: UnitTreeProps & { node: UnitNode; depth: number }) {
  const { t } = useI18n();
  const id = key(node.id);
  const children = node.children ?? [];
  const hasChildren = children.length > 0;
  const open = hasChildren && (props.forceOpen || props.expanded.has(id));
  const selected = props.selectedId === id;
  return (
    <li className="unit-item">
      <div
        className={`unit-node${selected ? ' is-selected' : ''}${node.active ? '' : ' is-inactive'}`}
        data-testid="unit-node"
        data-unit-id={id}
        data-unit-code={node.code}
        data-depth={depth}
      >
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={open ? t('admin:units.collapse', { name: node.name ?? '' }) : t('admin:units.expand', { name: node.name ?? '' })}
            data-testid="unit-toggle"
            onClick={() => props.onToggle(id)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle tree-leaf" aria-hidden="true" />
        )}
        <button
          type="button"
          className="unit-select"
          aria-pressed={selected}
          data-testid="unit-select"
          onClick={() => props.onSelect(node)}
        >
          <span className="unit-name">{node.name}</span>
          <span className="unit-meta">
            <code className="unit-code">{node.code}</code>
            <LevelBadge level={node.level} />
            {!node.active && <span className="badge badge-muted">{t('common.inactive')}</span>}
            <span className="count" data-testid="unit-endpoint-count" data-count={node.endpointCount}>
              {t('count.endpoints', { count: node.endpointCount ?? 0 })}
            </span>
            <span className="count" data-testid="unit-people-count" data-count={node.peopleCount}>
              {t('count.people', { count: node.peopleCount ?? 0 })}
            </span>
          </span>
        </button>
      </div>
      {open && (
        <ul className="unit-children">
          {children.map((c) => (
            <UnitTreeItem key={key(c.id)} node={c} depth={depth + 1} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}
