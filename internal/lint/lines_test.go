package lint

import (
	"slices"
	"strings"
	"testing"
)

// slowStarts is NewLines' definition, one byte at a time.
func slowStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func TestNewLines(t *testing.T) {
	for _, src := range []string{
		"", "x", "\n", "\n\n", "a\nb", "a\nb\n", "a\r\nb\r\n", "a\rb\r", "a\r\r\nb", "\r", "\r\n\r",
		"é = 1\n# ü\r\nx\ry\n",
	} {
		l := NewLines([]byte(src))
		if want := slowStarts(src); !slices.Equal(l.starts, want) {
			t.Errorf("%q: line starts %v, want %v", src, l.starts, want)
		}
	}
	l := NewLines([]byte("ab\né x\n"))
	if p := l.Position(6); p.Line != 2 || p.Column != 3 {
		t.Errorf("Position(6) = %+v, want line 2 column 3", p)
	}
}

func BenchmarkNewLines(b *testing.B) {
	src := []byte(strings.Repeat("    total = sum(v * scale for v in values)  # a comment\n", 2000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		NewLines(src)
	}
}

// Columns count from the first character after a UTF-8 byte-order mark, as
// editors show the line; offsets still count its bytes.
func TestPositionAfterByteOrderMark(t *testing.T) {
	l := NewLines([]byte("\ufeffprint(1)\nx\n"))
	if p := l.Position(3); p.Column != 1 || p.Offset != 3 || p.Line != 1 {
		t.Errorf("print: %+v, want column 1 at offset 3", p)
	}
	if p := l.Position(9); p.Column != 7 {
		t.Errorf("1: %+v, want column 7", p)
	}
	if p := l.Position(0); p.Column != 1 {
		t.Errorf("offset 0: %+v", p)
	}
	if p := l.Position(13); p.Line != 2 || p.Column != 2 {
		t.Errorf("line 2: %+v", p)
	}
}

func TestLineTextLeavesOutTheByteOrderMark(t *testing.T) {
	l := NewLines([]byte("\ufeffprint(1)\nx\n"))
	if got := string(l.LineText(1)); got != "print(1)" {
		t.Errorf("line 1 = %q", got)
	}
	if got := string(NewLines([]byte("\ufeff")).LineText(1)); got != "" {
		t.Errorf("a file of only a BOM: %q", got)
	}
}
