package escape

import "testing"

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"svc/main.py":                 "svc/main.py",
		"café/naïve.py":               "café/naïve.py",
		"x\n::error file=a::pwned.py": `x\n::error file=a::pwned.py`,
		"a\r\x1b[2Jb\x07\x00\x7f":     `a\r\x1b[2Jb\x07\x00\x7f`,
		"tab\there":                   `tab\there`,
		"c1\u009b31m":                 `c1\u009b31m`,
		"bidi \u202eevil\u2066":       `bidi \u202eevil\u2066`,
		"sep\u2028":                   `sep\u2028`,
		"latin1 caf\xe9":              `latin1 caf\xe9`,
		`back\slash`:                  `back\slash`,
		"":                            "",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line("\tx = 1\x1b"); got != "\tx = 1\\x1b" {
		t.Errorf("Line kept %q", got)
	}
	if Rune('\x1b', true) != `\x1b` || Rune('\t', true) != "\t" || Rune('é', false) != "é" {
		t.Error("Rune")
	}
}

func BenchmarkTextClean(b *testing.B) {
	s := "services/payments/app/handlers/refunds.py: `print` call; use the module logger"
	for b.Loop() {
		Text(s)
	}
}
