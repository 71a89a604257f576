// The screen stack: which screens are open, the top one active. Pure.
// Esc pops (the screen decides when Esc means "back" rather than "cancel this field").
import type { Context } from '../key-bindings.js';

export type Route =
  | { screen: 'home' }
  | { screen: 'projects' }
  /** `siblings`: the ids the list showed, in its order, for next/previous project */
  | { screen: 'project'; projectId: string; siblings?: readonly string[] }
  | { screen: 'meeting' }
  | { screen: 'ledger' }
  /** `meetingFile`: open the minutes of this meeting straight away */
  | { screen: 'briefings'; meetingFile?: string }
  | { screen: 'settings' }
  | { screen: 'leaders' }
  | { screen: 'help'; context: Context };

export interface StackEntry {
  key: number;
  route: Route;
}

export interface NavState {
  stack: StackEntry[];
  nextKey: number;
}

export type NavAction =
  | { type: 'push'; route: Route }
  | { type: 'pop' }
  | { type: 'replace'; route: Route }
  /** back to the home screen */
  | { type: 'home' };

export function initialNav(routes: readonly Route[]): NavState {
  const list = routes.length > 0 ? routes : [{ screen: 'home' } as Route];
  return { stack: list.map((route, key) => ({ key, route })), nextKey: list.length };
}

export function reduceNav(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'push':
      return {
        stack: [...state.stack, { key: state.nextKey, route: action.route }],
        nextKey: state.nextKey + 1,
      };
    case 'pop':
      return state.stack.length <= 1 ? state : { ...state, stack: state.stack.slice(0, -1) };
    case 'replace':
      return {
        stack: [...state.stack.slice(0, -1), { key: state.nextKey, route: action.route }],
        nextKey: state.nextKey + 1,
      };
    case 'home':
      return state.stack.length <= 1 ? state : { ...state, stack: state.stack.slice(0, 1) };
  }
}

export function topRoute(state: NavState): Route {
  return state.stack[state.stack.length - 1]!.route;
}
