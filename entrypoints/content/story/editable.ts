/**
 * Editable documents get nothing: text being written is not an article, and a popover over it
 * would get in the writer's way. That covers `designMode` documents (iframe editors such as
 * TinyMCE and CKEditor 4 switch it on in their frame), `<body contenteditable>` and an editable
 * root element. Editable regions inside a page are skipped by the walk (text-blocks.ts).
 */
export function isEditableDocument(doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  return [doc.body, doc.documentElement].some((el) => el !== null && isEditable(el));
}

function isEditable(el: HTMLElement): boolean {
  if (el.isContentEditable) return true;
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}
