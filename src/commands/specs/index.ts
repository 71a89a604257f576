// Every command of the program, one spec each (the order is the order of "可用的命令" in messages).
import type { CommandSpec } from '../spec.js';
import { assess } from './assess.js';
import { bulletin } from './bulletin.js';
import { check } from './check.js';
import { importCommand } from './import.js';
import { items } from './items.js';
import { lagging } from './lagging.js';
import { meet } from './meet.js';
import { minutes } from './minutes.js';
import { notices } from './notices.js';
import { snapshot } from './snapshot.js';

export const COMMAND_SPECS = [
  check,
  lagging,
  items,
  minutes,
  bulletin,
  importCommand,
  meet,
  assess,
  notices,
  snapshot,
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMAND_SPECS)[number]['name'];

export const COMMANDS: readonly CommandName[] = COMMAND_SPECS.map((spec) => spec.name);

export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

export function commandSpec(name: CommandName): CommandSpec {
  return COMMAND_SPECS.find((spec) => spec.name === name)!;
}
