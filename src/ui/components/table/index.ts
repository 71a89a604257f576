export { Table, type TableProps } from './table-view.js';
export { useTable, type UseTableOptions } from './use-table.js';
export {
  tableReducer,
  createTableState,
  type TableState,
  type TableAction,
  type SortSpec,
  type SortDirection,
} from './reducer.js';
export { layoutColumns, formatCell, cellText, sortRows, type Column } from './columns.js';
