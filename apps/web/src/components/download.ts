/** Saves a blob as a file through a temporary link (no navigation, nothing leaves the machine). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const safeFileName = (title: string): string =>
  title.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'table'
