export { SelectList, type SelectListProps } from './select-list-view.js';
export { useSelectList, type UseSelectListOptions, type SelectListHandle } from './use-select-list.js';
export {
  selectListReducer,
  createSelectListState,
  filterItems,
  type SelectItem,
  type SelectListState,
  type SelectListAction,
} from './reducer.js';
