/// <reference lib="dom" />
import { resizeCharts, setChartFont } from '../browser/chart-kit.js';

// The report's presentation mode: one `[data-slide]` per screen, type as large as the screen
// allows and no larger than fits, charts resized to what is left. P (or the Present button)
// starts it; arrows, space, PageUp/PageDown, Home/End move; Esc (or P) leaves.

/** Type size while scrolling the report (px): the stylesheet's, for charts a little smaller. */
const CHART_SCALE = 0.8;
/** Below this the back row cannot read it: a slide that does not fit then is cut instead. */
const MIN_FONT_PX = 11;

export interface Presenter {
  readonly presenting: boolean;
  readonly index: number;
  enter(index?: number): void;
  leave(): void;
  go(index: number): void;
}

const fits = (slide: HTMLElement) =>
  slide.scrollHeight <= slide.clientHeight + 1 && slide.scrollWidth <= slide.clientWidth + 1;

export function startPresenter(doc: Document = document): Presenter {
  const root = doc.documentElement;
  const slides = Array.from(doc.querySelectorAll<HTMLElement>('[data-slide]'));
  const counter = doc.getElementById('slide-count');
  const normalFont = () => parseFloat(getComputedStyle(root).fontSize);
  let presenting = false;
  let index = 0;

  /** The largest type (up to a size set by the screen) at which the slide fits, then its charts. */
  const fit = (slide: HTMLElement) => {
    const view = doc.defaultView ?? window;
    let px = Math.min(view.innerHeight / 30, view.innerWidth / 52);
    root.style.fontSize = `${px}px`;
    while (!fits(slide) && px > MIN_FONT_PX) {
      px = Math.max(MIN_FONT_PX, px * 0.93);
      root.style.fontSize = `${px}px`;
    }
    setChartFont(px * CHART_SCALE);
    resizeCharts(slide);
  };

  const show = (i: number) => {
    index = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach((slide, j) => slide.classList.toggle('current', j === index));
    const slide = slides[index];
    if (!slide) return;
    if (counter) counter.textContent = `${index + 1} / ${slides.length}`;
    fit(slide);
  };

  /** The slide the reader is looking at: the first whose bottom is below the top of the window. */
  const visibleSlide = () => {
    const i = slides.findIndex((s) => s.getBoundingClientRect().bottom > 80);
    return i < 0 ? 0 : i;
  };

  const presenter: Presenter = {
    get presenting() {
      return presenting;
    },
    get index() {
      return index;
    },
    enter(i = visibleSlide()) {
      presenting = true;
      root.classList.add('presenting');
      show(i);
    },
    leave() {
      if (!presenting) return;
      presenting = false;
      root.classList.remove('presenting');
      root.style.fontSize = '';
      for (const slide of slides) slide.classList.remove('current');
      if (counter) counter.textContent = '';
      setChartFont(normalFont() * CHART_SCALE);
      resizeCharts();
      slides[index]?.scrollIntoView({ block: 'start' });
    },
    go(i) {
      if (presenting) show(i);
    },
  };

  const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
  const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);
  doc.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const { key } = event;
    let handled = true;
    if (!presenting) {
      if (key === 'p' || key === 'P') presenter.enter();
      else handled = false;
    } else if (key === 'Escape' || key === 'p' || key === 'P') presenter.leave();
    else if (NEXT.has(key) || (key === ' ' && !event.shiftKey)) show(index + 1);
    else if (PREVIOUS.has(key) || (key === ' ' && event.shiftKey)) show(index - 1);
    else if (key === 'Home') show(0);
    else if (key === 'End') show(slides.length - 1);
    else handled = false;
    if (handled) event.preventDefault();
  });
  doc.getElementById('present')?.addEventListener('click', () => presenter.enter());
  (doc.defaultView ?? window).addEventListener('resize', () => {
    if (presenting) show(index);
  });
  setChartFont(normalFont() * CHART_SCALE);
  return presenter;
}
