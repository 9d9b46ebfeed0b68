/** The one mapshaper entry point the data pipeline uses (the package ships no types). */
declare module "mapshaper" {
  /** Runs a mapshaper command line on in-memory files; resolves to the output files by name. */
  export function applyCommands(
    commands: string,
    input: Record<string, string>,
  ): Promise<Record<string, string | Uint8Array>>;
}
