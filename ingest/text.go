package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// readText emits a plain-text input as one document: the byte order mark
// stripped, CRLF and lone CR line ends made LF. Text that is not valid UTF-8
// is a Failure giving the offset of the first bad byte (no charset is
// guessed for plain text: a wrong guess would silently garble names).
func (r *reader) readText(m inputMeta, data []byte) error {
	if off := invalidUTF8Offset(data); off >= 0 {
		r.fail(m.source, fmt.Errorf("not valid UTF-8 text: bad byte 0x%02x at byte offset %d", data[off], off))
		return nil
	}
	doc := m.newDoc(m.source, FormatText)
	doc.Text = normalizeNewlines(string(bytes.TrimPrefix(data, utf8BOM)))
	return r.emit(doc)
}

// invalidUTF8Offset returns the offset of the first byte that is not part
// of valid UTF-8, or -1.
func invalidUTF8Offset(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		c, size := utf8.DecodeRune(data[i:])
		if c == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
