import { renderPdf, renderXlsx, type ReportDocument } from '@linesight/report'
import type { ReportFormat } from './report-body.js'

/** What the render worker is given, and what it answers: the bytes, or the error as data. */
export interface RenderRequest {
  readonly doc: ReportDocument
  readonly format: ReportFormat
}

export type RenderMessage =
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'error'; readonly name: string; readonly message: string; readonly stack: string | null }

/** Renders one format of a built document (the same functions `renderDocument` calls for the CLI). */
export async function runRender(request: RenderRequest): Promise<RenderMessage> {
  try {
    const bytes = request.format === 'pdf' ? await renderPdf(request.doc) : await renderXlsx(request.doc)
    return { type: 'done', bytes }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e))
    return { type: 'error', name: error.name, message: error.message, stack: error.stack ?? null }
  }
}
