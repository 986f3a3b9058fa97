/** A handover file that cannot be read at all (not well-formed XML, unknown encoding); the message says where. */
export class EtsiXmlError extends Error {
  override readonly name = 'EtsiXmlError'
}
