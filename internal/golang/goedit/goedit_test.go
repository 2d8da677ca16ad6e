package goedit

import "testing"

func TestFormatAndSyntaxErrors(t *testing.T) {
	out, err := Format([]byte("package p\nfunc  f( ) {x:=1;_=x}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "package p\n\nfunc f() { x := 1; _ = x }\n"; string(out) != want {
		t.Errorf("Format: %q, want %q", out, want)
	}
	if _, err := Format([]byte("package p\nfunc f( {\n")); err == nil {
		t.Error("Format accepted a file that does not parse")
	}
	for src, want := range map[string]int{
		"package p\nfunc f() {}\n":                0,
		"package p\nfunc f() {\n":                 1,
		"package p\nfunc f() { x := }\nvar = 1\n": 2,
		"not go at all":                           1,
	} {
		if got := SyntaxErrors([]byte(src)); got != want {
			t.Errorf("SyntaxErrors(%q) = %d, want %d", src, got, want)
		}
	}
}
