import { Fragment, createElement, useMemo, type ReactNode } from 'react';

/** The minutes' allow-list (the server's MinutesHtml): nothing else is ever drawn, and no attribute. */
const ALLOWED = new Set(['p', 'h2', 'h3', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'br', 'blockquote']);
/** Elements dropped with what they hold. */
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript']);

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = (node as Element).tagName.toLowerCase();
  if (DROPPED.has(tag)) return null;
  if (tag === 'br') return <br key={key} />;
  const children = Array.from(node.childNodes, (c, i) => toReact(c, i));
  // an element outside the allow-list keeps its text, not itself
  if (!ALLOWED.has(tag)) return <Fragment key={key}>{children}</Fragment>;
  return createElement(tag, { key }, ...children);
}

/**
 * The minutes' rich text, read-only. The HTML is parsed by the browser without running anything
 * (DOMParser) and rebuilt as React elements from the allow-list alone, so no markup or attribute
 * the server might have let through reaches the page.
 */
export function RichTextView({ html, testId }: { html: string | undefined; testId?: string }) {
  const nodes = useMemo(() => {
    if (!html) return null;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Array.from(doc.body.childNodes, (c, i) => toReact(c, i));
  }, [html]);
  return (
    <div className="rich-text" data-testid={testId}>
      {nodes}
    </div>
  );
}
