package textedit_test

import (
	"testing"

	"github.com/xynergy/xylint/internal/textedit"
)

func TestTextHelpers(t *testing.T) {
	crlf := []byte("a\r\n  b\r\n")
	if textedit.Newline(crlf) != "\r\n" || textedit.Newline([]byte("a\nb")) != "\n" {
		t.Error("Newline")
	}
	if got := textedit.WithNewline("x\ny\n", "\r\n"); got != "x\r\ny\r\n" {
		t.Errorf("WithNewline: %q", got)
	}
	if got := textedit.IndentOf(crlf, 6); got != "  " {
		t.Errorf("IndentOf: %q", got)
	}
	if got := textedit.LineEnd(crlf, 3); got != 6 {
		t.Errorf("LineEnd: %d", got)
	}
	if got := textedit.IndentUnit([]byte("if x:\n\tpass\n")); got != "\t" {
		t.Errorf("IndentUnit tabs: %q", got)
	}
	if got := textedit.IndentUnit([]byte("if x:\n  if y:\n    pass\n")); got != "  " {
		t.Errorf("IndentUnit 2: %q", got)
	}
	if got := textedit.ContentStart([]byte(textedit.BOM + "x")); got != 3 {
		t.Errorf("ContentStart: %d", got)
	}
}
