// Adding a project to the agenda during the meeting: the register's projects not on it yet, filtered
// as the secretary types (名称, 编号, 责任单位 or 包联领导), each with its light and unit.
import { useMemo } from 'react';
import type { MeetingItem } from '../../../domain/types.js';
import { SelectList, useSelectList } from '../../components/select-list/index.js';
import type { SelectItem } from '../../components/select-list/index.js';
import type { LoadedData } from '../../../app/session.js';
import { LIGHT_MARK } from '../chrome.js';

/** project rows shown while adding a project to the agenda (the filter line is one more) */
export const ADD_LIST_HEIGHT = 5;
/** "●红 开发区管委会": the light and the unit, in a column of their own */
const ADD_HINT_WIDTH = 18;

export function AddProject(props: {
  data: LoadedData;
  agenda: readonly MeetingItem[];
  width: number;
  active: boolean;
  onPick: (projectId: string) => void;
  onCancel: () => void;
}) {
  const items = useMemo<SelectItem<string>[]>(() => {
    const inAgenda = new Set(props.agenda.map((i) => i.project));
    return props.data.assessment.statuses
      .filter((s) => !inAgenda.has(s.project.id))
      .map((s) => ({
        value: s.project.id,
        label: `${s.project.id} ${s.project.name}`,
        hint: `${LIGHT_MARK[s.light]}${s.light} ${s.project.unit}`,
        keywords: `${s.project.unit} ${s.project.leader ?? ''}`,
      }));
  }, [props.data, props.agenda]);
  const list = useSelectList({
    items,
    height: ADD_LIST_HEIGHT,
    filterWidth: Math.max(1, props.width - 8),
    isActive: props.active,
    filterable: true,
    onSelect: (item) => props.onPick(item.value),
    onCancel: props.onCancel,
  });
  return (
    <SelectList
      items={list.visible}
      selectedIndex={list.state.selected}
      scrollOffset={list.state.offset}
      height={ADD_LIST_HEIGHT}
      width={props.width}
      filter={{
        window: list.filter,
        query: list.state.query,
        label: ' 加入：',
        placeholder: '输入项目名称、编号或责任单位',
      }}
      emptyText="  没有匹配的项目"
      hintWidth={ADD_HINT_WIDTH}
    />
  );
}
