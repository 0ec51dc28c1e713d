// The minutes' rich-text editor (TipTap, on ProseMirror): a chunk of its own, loaded when the
// editor is shown. Only what the server's allow-list keeps can be made here: paragraphs, two
// heading levels, bold, italic, underline, lists, quotations and line breaks (the server cleans the
// HTML again on every save).

import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type MsgKey, useI18n } from '../lib/i18n';

export interface RichTextEditorProps {
  /** the id of the editable area (the label's `htmlFor` does not reach it: use `labelledBy`) */
  id: string;
  /** the HTML the editor starts from (later changes of it are ignored: the editor owns the text) */
  initial: string;
  /** every change, as HTML */
  onChange: (html: string) => void;
  /** the id of the visible label */
  labelledBy: string;
  describedBy?: string;
  disabled?: boolean;
  testId?: string;
}

interface Tool {
  key: string;
  label: MsgKey;
  /** what the button shows (short, the same in every language) */
  glyph: string;
  active: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

const TOOLS: Tool[] = [
  { key: 'bold', label: 'minutes:rte.bold', glyph: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'italic', label: 'minutes:rte.italic', glyph: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  { key: 'underline', label: 'minutes:rte.underline', glyph: 'U', active: (e) => e.isActive('underline'), run: (e) => e.chain().focus().toggleUnderline().run() },
  { key: 'h2', label: 'minutes:rte.h2', glyph: 'H2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: 'h3', label: 'minutes:rte.h3', glyph: 'H3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'bullet', label: 'minutes:rte.bullet', glyph: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'ordered', label: 'minutes:rte.ordered', glyph: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'quote', label: 'minutes:rte.quote', glyph: '❝', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
];

const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    // outside the allow-list
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
  }),
];

export default function RichTextEditor({ id, initial, onChange, labelledBy, describedBy, disabled, testId }: RichTextEditorProps) {
  const { t } = useI18n();
  // the latest callback, for the editor's update handler (set after render, never during it)
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  // the text it starts from, and the attributes of its editable area (the same objects on every
  // render, so that the editor is not given "new" options each time)
  const [content] = useState(initial);
  const attributes = useMemo(
    () => ({
      id,
      class: 'rte-content',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': labelledBy,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      ...(testId ? { 'data-testid': `${testId}-input` } : {}),
      spellcheck: 'false',
    }),
    [id, labelledBy, describedBy, testId],
  );
  const editorProps = useMemo(() => ({ attributes }), [attributes]);

  const editor = useEditor({
    extensions: EXTENSIONS,
    content,
    editable: !disabled,
    editorProps,
    onUpdate: ({ editor: e }) => changed.current(e.getHTML()),
  });

  useEffect(() => {
    // without an update event: the text has not changed
    if (editor.isEditable === !!disabled) editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: TOOLS.map((tool) => tool.active(e)),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });

  return (
    <div className={`rte${disabled ? ' is-disabled' : ''}`} data-testid={testId}>
      <div className="rte-toolbar" role="toolbar" aria-label={t('minutes:rte.toolbar')} aria-controls={id}>
        {TOOLS.map((tool, i) => (
          <button
            key={tool.key}
            type="button"
            className={`btn btn-small rte-btn rte-${tool.key}${state.active[i] ? ' is-on' : ''}`}
            aria-pressed={state.active[i]}
            aria-label={t(tool.label)}
            title={t(tool.label)}
            data-testid={`rte-${tool.key}`}
            disabled={disabled}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => tool.run(editor)}
          >
            <span aria-hidden="true">{tool.glyph}</span>
          </button>
        ))}
        <span className="rte-sep" aria-hidden="true" />
        <button
          type="button"
          className="btn btn-small rte-btn"
          aria-label={t('minutes:rte.undo')}
          title={t('minutes:rte.undo')}
          disabled={disabled || !state.undo}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.chain().focus().undo().run()}
        >
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          className="btn btn-small rte-btn"
          aria-label={t('minutes:rte.redo')}
          title={t('minutes:rte.redo')}
          disabled={disabled || !state.redo}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.chain().focus().redo().run()}
        >
          <span aria-hidden="true">↷</span>
        </button>
      </div>
      <EditorContent editor={editor} className="rte-area" />
    </div>
  );
}
