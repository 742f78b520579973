/**
 * The sample app's config.env with `key` set as an attendee would edit it: the first line of that
 * key rewritten in place, or a new line at the end when the file has none.
 */
export function withConfigValue(text: string, key: string, value: string): string {
  const line = new RegExp(`^[ \\t]*${key}[ \\t]*=.*$`, "m");
  const entry = `${key} = ${value}`;
  if (line.test(text)) return text.replace(line, entry);
  return `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${entry}\n`;
}
