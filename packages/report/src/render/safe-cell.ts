/**
 * Neutralises spreadsheet formula injection: text starting with `=`, `+`, `-` or `@` (or a tab or carriage
 * return, which some readers strip before such a character) gets a leading apostrophe, so no spreadsheet evaluates
 * it. Numbers stay numbers. E.164 numbers ("+44…") therefore read "'+44…" in the XLSX: the cost of never letting a
 * supplied value run as a formula.
 *
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export const neutraliseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)
