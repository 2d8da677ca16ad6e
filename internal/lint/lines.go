package lint

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines maps byte offsets of one file to line/column positions. Build it once
// per file (NewLines is O(n)); each lookup is O(log lines + line length).
type Lines struct {
	src    []byte
	starts []int // byte offset of the start of each line
}

// NewLines indexes src. A line ends at "\n"; a "\r\n" pair belongs to the line
// it ends, and a lone "\r" also ends a line, as in Python's tokenizer.
func NewLines(src []byte) *Lines {
	starts := make([]int, 1, len(src)/32+1)
	if bytes.IndexByte(src, '\r') < 0 {
		// Most files: "\n" alone ends lines, found a word at a time.
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		return &Lines{src: src, starts: starts}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}

var bom = []byte("\xef\xbb\xbf")

// Count is the number of lines (a trailing newline does not open a line that
// has content, but it is counted as an empty last line as editors do).
func (l *Lines) Count() int { return len(l.starts) }

// Position converts a byte offset to a Position. Offsets past the end clamp.
func (l *Lines) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(l.src) {
		off = len(l.src)
	}
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	from := l.starts[i]
	if i == 0 && off >= len(bom) && bytes.HasPrefix(l.src, bom) {
		// A byte-order mark is not a character of the first line: editors
		// do not show it and count columns after it.
		from = len(bom)
	}
	col := utf8.RuneCount(l.src[from:off]) + 1
	return Position{Offset: off, Line: i + 1, Column: col}
}

// Range converts a byte range.
func (l *Lines) Range(start, end int) Range {
	return Range{Start: l.Position(start), End: l.Position(end)}
}

// LineStart is the byte offset of the first byte of 1-based line n.
func (l *Lines) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(l.starts) {
		return len(l.src)
	}
	return l.starts[n-1]
}

// LineText is the text of 1-based line n without its line terminator (nor
// the byte-order mark, on line 1: columns count from after it).
func (l *Lines) LineText(n int) []byte {
	if n < 1 || n > len(l.starts) {
		return nil
	}
	s := l.starts[n-1]
	if n == 1 && bytes.HasPrefix(l.src, bom) {
		s = len(bom)
	}
	e := len(l.src)
	if n < len(l.starts) {
		e = l.starts[n]
	}
	for e > s && (l.src[e-1] == '\n' || l.src[e-1] == '\r') {
		e--
	}
	return l.src[s:e]
}

// Offset converts a 1-based line and 1-based byte column (as go/token gives
// them) to a byte offset.
func (l *Lines) Offset(line, byteCol int) int {
	return l.LineStart(line) + byteCol - 1
}
