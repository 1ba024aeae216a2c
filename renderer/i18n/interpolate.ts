/** Fills `{name}` from values; braces without a value (like the pattern placeholder `{seq}`) stay as written. */
export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{([A-Za-z0-9_-]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
