declare const brand: unique symbol

/** A string that the type system keeps apart from other strings: an `Imei` cannot be passed as an `Msisdn`. */
export type Branded<T, B extends string> = T & { readonly [brand]: B }

/** A phone number in E.164 form, e.g. `+447911123456`. */
export type Msisdn = Branded<string, 'Msisdn'>
/** A SIM identity (15 digits: MCC, MNC, MSIN). */
export type Imsi = Branded<string, 'Imsi'>
/** A handset identity, compared on its 14-digit core (TAC 8 + serial 6). */
export type Imei = Branded<string, 'Imei'>
/** A cell's global identity as `mcc-mnc-lac-ci` with every part as decimal text, e.g. `234-15-1234-5678901`. */
export type CellGlobalId = Branded<string, 'CellGlobalId'>
/** An event's id: `<source file id>:<sheet>:<row>`, so it says where the event came from. */
export type EventId = Branded<string, 'EventId'>
/** A source file's id: the first 16 hex digits of its SHA-256. */
export type SourceFileId = Branded<string, 'SourceFileId'>
/** A case's id, chosen when the case is created (letters, digits, `-` and `_`). */
export type CaseId = Branded<string, 'CaseId'>
