// pdfmake 0.3 ships no type declarations: the few members Linesight calls, typed here.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>
  }
  interface FontFiles {
    readonly normal: string
    readonly bold: string
    readonly italics: string
    readonly bolditalics: string
  }
  interface PdfMake {
    readonly virtualfs: {
      writeFileSync(name: string, content: Buffer): void
      existsSync(name: string): boolean
    }
    setFonts(fonts: Readonly<Record<string, FontFiles>>): void
    setUrlAccessPolicy(callback: (url: string) => boolean): void
    setLocalAccessPolicy(callback: (path: string) => boolean): void
    createPdf(definition: Readonly<Record<string, unknown>>): OutputDocument
  }
  const pdfmake: PdfMake
  export default pdfmake
}
