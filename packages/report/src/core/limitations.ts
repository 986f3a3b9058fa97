/**
 * The method's limitations, printed in every document (domain brief §5 and §6). Documents add their own after
 * these; none of these can be left out.
 */
export const STANDARD_LIMITATIONS: readonly string[] = Object.freeze([
  'Serving area, not position. A cell in these records shows only that the phone was within the serving area of ' +
    'that cell when the network recorded the event. It does not show where in that area the phone was, and a nearby ' +
    'mast does not show that a cell served a particular place. This document says a phone "used cell X" and that ' +
    'activity is "consistent with" an area; it never says a phone was at an address.',
  'Public cell data is never evidential. Crowd-sourced cell positions (such as OpenCelliD) are not used for any ' +
    'site, position or drawing in this document. Where the only information about a cell is public, the row is ' +
    'marked "public data - excluded" and no site is given.',
  'Estimates are a guide. Figures produced by algorithms (customer counts, transactions, quantity and value ' +
    'estimates, attribution, leads) are a guide for the reader, not proof. Every parameter is stated, every figure ' +
    'can be traced to its source rows, and the assumptions are open to challenge.',
  'Data sessions. For a data session the network records the cell at or before the start of the session (O2: at ' +
    'or before the end), not necessarily at that time; such events are worded "at or before".',
  'Completeness. The records show only what the networks supplied for the numbers and periods requested. Events ' +
    'outside them, and phones whose records were not obtained, do not appear.',
  'Cell maps are drawings. Sector wedges are drawn from the azimuth and beamwidth in the network cell list with an ' +
    'assumed radius; real serving areas overlap, have no hard edge and may reach beyond the drawing.',
])
