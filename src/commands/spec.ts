// What a command is on the command line, said once: its name, what it does, its positional argument,
// its options (with their Chinese help) and examples. The parser (argv.ts), the dispatcher
// (dispatch.ts) and every help text (help.ts) are generated from these specs (one a command, in
// the table of specs.ts), as the key help is generated from ui/key-bindings.ts; so an option cannot be taken
// without being listed, nor listed without being taken (test/commands/options-listed.test.ts).
import type { AppRequest } from './app-request.js';
import type { CommandContext, CommandResult } from './context.js';

/** Where the package lives (seeds/ and meetings/ ship with it), for the bundled sample. */
export interface DispatchEnv extends CommandContext {
  packageDir: string;
  version: string;
}

export type DispatchResult = ({ kind: 'result' } & CommandResult) | AppRequest;

export interface OptionSpec<N extends string = string> {
  /** the long name, without the dashes: `meetings` for --meetings */
  name: N;
  /** a one-letter alias: `o` for -o */
  short?: string;
  /** the placeholder of its value in help (`<文件夹>`); an option without one is a flag */
  value?: string;
  /** may be given more than once (the values are collected) */
  multiple?: boolean;
  /** Chinese help: its first line, then lines continued under it */
  help: string | readonly string[];
}

export interface PositionalSpec {
  /** in the usage line and under 参数: `<台账>` */
  label: string;
  /** in the program's list of commands, when shorter than the label: `<会议记录>` */
  listLabel?: string;
  /** what is missing, in 缺少参数：台账文件 */
  missing: string;
  help: string;
  /** the property of the command's options it fills */
  key: string;
}

/** Option values as parsed, by property name (--as-of → asOf); flags are true or false. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandSpec<N extends string = string> {
  name: N;
  /** one line in the program help's list of commands */
  summary: string;
  /**
   * a few words for the list of scripted commands printed when the app is asked for where there is
   * no terminal; a command that needs a terminal (meet) has none
   */
  brief?: string;
  /** the usage line after `diaodu <name> `, when it is not `<positional> [选项]` */
  usage?: string;
  /** the paragraph under the usage line */
  description: string;
  positional?: PositionalSpec;
  /** every option but -h/--help, which every command takes */
  options: readonly OptionSpec[];
  examples: readonly string[];
  /** the example shown in the program help */
  programExample?: string;
  /**
   * Runs the command on the parsed values (the positional under its key). The command's module is
   * imported here, lazily, so starting one command (or the app) does not load the others.
   */
  run(values: OptionValues, env: DispatchEnv): Promise<DispatchResult>;
}

/** `as-of` → `asOf`, in types. */
type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/**
 * A command's spec, checked against the options its function takes (`O`): every option fills a
 * property of O (--as-of → asOf) and the positional one too, or the spec does not compile.
 * `Consumed` names the values turned into others before the command runs (--format of the screen
 * commands, --json of the documents: specs.ts).
 */
export function commandFor<O, Consumed extends string = never>() {
  return <N extends string, Names extends string>(
    spec: CommandSpec<N> & {
      options: readonly OptionSpec<Names>[];
      positional?: PositionalSpec & { key: Extract<keyof O, string> };
    },
    ..._everyOptionFillsAProperty: [CamelCase<Names>] extends [Extract<keyof O, string> | Consumed]
      ? []
      : [`no such property in the command's options: ${Exclude<CamelCase<Names>, keyof O | Consumed>}`]
  ): CommandSpec<N> => spec;
}

/** `as-of` → `asOf`: the property an option fills in the command's options. */
export function optionKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The options object a command's function takes, from the parsed values. Their keys come from the
 * spec (optionKey), which commandFor checked against the options' type; the types of the values
 * (text, flag, list) are asserted here, in one place.
 */
export function optionsOf<O>(values: OptionValues): O {
  return values as unknown as O;
}

/** A command's result as dispatch returns it. */
export function resultOf(result: CommandResult): DispatchResult {
  // assigned, not spread: spreading would read a piecewise stdout whole (context.ts resultInPieces)
  return Object.assign(result, { kind: 'result' as const });
}
