// First step of understanding a message: one canonical form of the text, so every later rule
// sees ASCII digits and letters, single spaces and no invisible characters.

/** Longest text we keep; chat messages beyond this are pasted documents, not answers. */
export const MAX_TEXT_LENGTH = 2000;

// \t, \n, \v, \f and \r separate words, so they become spaces rather than vanish.
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085]/g;
// Everything else in C0/C1 is noise from copy-paste or a hostile client.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Zero-width and bidi formatting characters can hide inside a card number and defeat redaction.
// Combining-class code points (U+034F, Mongolian and emoji variation selectors) are listed as
// alternatives, not in the class, so the class stays free of combining characters.
const INVISIBLES =
  /[\u00AD\u061C\u115F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u1160|\u17B4|\u17B5|\u034F|\u180B|\u180C|\u180D|\u180E|\u180F|\uFE00|\uFE01|\uFE02|\uFE03|\uFE04|\uFE05|\uFE06|\uFE07|\uFE08|\uFE09|\uFE0A|\uFE0B|\uFE0C|\uFE0D|\uFE0E|\uFE0F/g;
const WHITESPACE_RUN = /\s+/g;

export function normalize(raw: string): string {
  let text = raw.normalize('NFKC');
  text = text.replace(SPACING_CONTROLS, ' ').replace(OTHER_CONTROLS, '').replace(INVISIBLES, '');
  text = text.replace(WHITESPACE_RUN, ' ').trim();
  if (text.length > MAX_TEXT_LENGTH) {
    text = text.slice(0, MAX_TEXT_LENGTH);
    // Never leave half of a surrogate pair at the cut.
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
    text = text.trimEnd();
  }
  return text;
}
