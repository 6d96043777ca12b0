// The list the capture unit tests put message rows into (jsdom).

/** Replaces the document's body with an empty `.messages` list and returns it. */
export function freshMessageList(): HTMLElement {
  document.body.innerHTML = '<div class="messages"></div>';
  return document.querySelector('.messages')!;
}

/** Appends one row's markup to `list` and returns the row. */
export function appendRow(list: HTMLElement, html: string): Element {
  list.insertAdjacentHTML('beforeend', html);
  return list.lastElementChild!;
}
