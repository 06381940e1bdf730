import { canStep, CENTRED, type Direction, describeOffset, type Offset, STEPS, step } from './offset';

/**
 * The widget's move buttons (`.draw-move`): one per direction (`button[data-move="Up"]` etc.), a
 * reset button (`.draw-move-reset`) and the offset in words (`.draw-offset`, a polite live region
 * whose text changes only when the offset does). A button that cannot move further is marked
 * `aria-disabled`, so it keeps keyboard focus.
 */
export class MoveControl {
  private current: Offset = CENTRED;
  private readonly buttons: Map<Direction, HTMLButtonElement>;
  private readonly resetButton: HTMLButtonElement;
  private readonly text: HTMLElement;

  /** `onChange` runs after every change of the offset, not on presses that change nothing. */
  constructor(
    root: HTMLElement,
    private readonly onChange: (offset: Offset) => void,
  ) {
    this.buttons = new Map(
      (Object.keys(STEPS) as Direction[]).map((d) => {
        const button = root.querySelector<HTMLButtonElement>(`button[data-move="${d}"]`);
        if (!button) throw new Error(`<draw-digit> is missing the ${d} move button`);
        button.addEventListener('click', () => this.move(d));
        return [d, button];
      }),
    );
    const reset = root.querySelector<HTMLButtonElement>('.draw-move-reset');
    const text = root.querySelector<HTMLElement>('.draw-offset');
    if (!reset || !text) throw new Error('<draw-digit> is missing .draw-move-reset or .draw-offset');
    this.resetButton = reset;
    this.text = text;
    reset.addEventListener('click', () => this.set(CENTRED));
    this.show();
  }

  get offset(): Offset {
    return this.current;
  }

  /** One pixel in `direction`, if the limit allows. */
  move(direction: Direction): void {
    this.set(step(this.current, direction));
  }

  private set(next: Offset): void {
    if (next.dy === this.current.dy && next.dx === this.current.dx) return;
    this.current = next;
    this.show();
    this.onChange(next);
  }

  private show(): void {
    for (const [d, button] of this.buttons) button.setAttribute('aria-disabled', String(!canStep(this.current, d)));
    const centred = this.current.dy === 0 && this.current.dx === 0;
    this.resetButton.setAttribute('aria-disabled', String(centred));
    this.text.textContent = describeOffset(this.current);
  }
}
