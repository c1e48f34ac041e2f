import { addComment, taskComments, type Comment } from '../api/tasks.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import { errorText, formatDateTime, label } from './labels.js';

/** A task's comments, oldest first, and a box to add one. */
export class CommentsView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'task-comments' });
  private readonly text = h('textarea', {
    name: 'comment',
    rows: '2',
    'data-i18n-placeholder': 'tasklist.comments.placeholder',
  });
  private readonly status = h('p', { class: 'task-comments-status' });
  private comments: Comment[] = [];

  constructor(private readonly taskId: string) {
    this.text.placeholder = t('tasklist.comments.placeholder');
    const add = label('button', 'tasklist.comments.add', {
      type: 'submit',
      'data-action': 'add-comment',
    });
    this.element = h(
      'section',
      { class: 'task-comments-section' },
      label('h3', 'tasklist.comments'),
      this.list,
      h(
        'form',
        {
          class: 'task-comment-form',
          onsubmit: (event) => {
            event.preventDefault();
            void this.add(add);
          },
        },
        this.text,
        add,
      ),
      this.status,
    );
    void this.load();
  }

  retranslate(): void {
    this.render();
  }

  /** True while a comment is typed but not added. */
  isDirty(): boolean {
    return this.text.value.trim() !== '';
  }

  private async load(): Promise<void> {
    try {
      this.comments = await taskComments(this.taskId);
      this.render();
    } catch (error) {
      this.status.textContent = errorText(error);
    }
  }

  private async add(button: HTMLButtonElement): Promise<void> {
    const message = this.text.value.trim();
    if (!message) return;
    button.disabled = true;
    this.status.textContent = '';
    try {
      this.comments.push(await addComment(this.taskId, message));
      this.text.value = '';
      this.render();
    } catch (error) {
      this.status.textContent = errorText(error);
    } finally {
      button.disabled = false;
    }
  }

  private render(): void {
    if (this.comments.length === 0) {
      this.list.replaceChildren(label('li', 'tasklist.comments.none', { class: 'muted' }));
      return;
    }
    this.list.replaceChildren(
      ...this.comments.map((comment) =>
        h(
          'li',
          { 'data-comment-id': comment.id },
          h(
            'div',
            { class: 'task-comment-meta' },
            h('strong', {}, comment.userId ?? ''),
            ' · ',
            formatDateTime(comment.time),
          ),
          h('p', { class: 'task-comment-text' }, comment.message),
        ),
      ),
    );
  }
}
