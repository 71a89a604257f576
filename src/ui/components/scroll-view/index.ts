export { ScrollView, type ScrollViewProps } from './scroll-view.js';
export { useScrollView, type UseScrollViewOptions } from './use-scroll-view.js';
export {
  scrollReducer,
  createScrollState,
  scrollPosition,
  type ScrollState,
  type ScrollAction,
  type ScrollMove,
} from './reducer.js';
